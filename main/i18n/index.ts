/**
 * i18next for the main process (CLI output, support texts): the same resources the renderer uses, loaded
 * synchronously: the app's namespaces (resources/locales) and each system's own (its folder's locales/,
 * through the registry). `renderMsg` turns a connector's Msg into text.
 */
import i18next, { type TFunction } from 'i18next';
import { defaultNamespace, namespaces as appNamespaces, resources as appResources } from '../../resources/locales';
import { SYSTEMS } from '../connectors/registry';
import type { Msg } from '../connectors/types';

/** Every namespace per language: the app's, then one per system named by its id. */
export const resources = {
  en: { ...appResources.en, ...Object.fromEntries(SYSTEMS.map((system) => [system.id, system.locales.en])) },
} as const;

export const namespaces: ReadonlyArray<string> = [...appNamespaces, ...SYSTEMS.map((system) => system.id)];

let translator: TFunction | undefined;

export function translate(language = 'en'): TFunction {
  if (!translator) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'en',
      resources,
      ns: [...namespaces],
      defaultNS: defaultNamespace,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    translator = instance.t;
  }
  return translator;
}

export function renderMsg(message: Msg): string {
  return translate()(message.key, message.params ?? {});
}

const isMsg = (value: unknown): value is Msg =>
  typeof value === 'object' && value !== null && typeof (value as Msg).key === 'string' &&
  Object.keys(value).every((k) => k === 'key' || k === 'params');

/** Deep copy of `value` where every Msg also carries its English `text` (for --json output). */
export function withRenderedText(value: unknown): unknown {
  if (isMsg(value)) return { ...value, text: renderMsg(value) };
  if (Array.isArray(value)) return value.map(withRenderedText);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withRenderedText(v)]));
  return value;
}
