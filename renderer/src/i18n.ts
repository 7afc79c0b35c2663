/**
 * i18next for the renderer: the app's namespaces from resources/locales, and each system's own namespace,
 * found by folder (main/connectors/<id>/locales/<lang>.json: locale data only, no code), so a new system
 * needs no edit here. English complete, 'app' by default.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultNamespace, namespaces as appNamespaces, resources as appResources } from '../../resources/locales';

const systemLocales = import.meta.glob<{ default: Record<string, unknown> }>('../../main/connectors/*/locales/en.json', { eager: true });

/** `../../main/connectors/netvisor/locales/en.json` → `netvisor`. */
const systemNamespaces = Object.fromEntries(
  Object.entries(systemLocales).map(([path, module]) => [path.split('/').at(-3)!, module.default]),
);

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { ...appResources.en, ...systemNamespaces } },
    lng: 'en',
    fallbackLng: 'en',
    ns: [...appNamespaces, ...Object.keys(systemNamespaces)],
    defaultNS: defaultNamespace,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
