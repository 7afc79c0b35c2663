/**
 * Every user-facing string, per language and namespace. The renderer, the CLI and the services all render
 * `Msg` keys (`namespace:path.to.key`) through i18next with these resources, so no text is hard-coded.
 * English is complete; other languages are added as sibling folders. The main process adds each system's
 * namespace through the registry (main/i18n), the renderer finds them by folder (renderer/src/i18n.ts).
 */
import app from './en/app.json';
import common from './en/common.json';
import diagnose from './en/diagnose.json';
import exopen from './en/exopen.json';

/** The app's own namespaces. Each system's namespace lives in its folder (main/connectors/<id>/locales/). */
export const resources = {
  en: { app, common, diagnose, exopen },
} as const;

export const namespaces = Object.keys(resources.en) as ReadonlyArray<keyof typeof resources.en>;
export const defaultNamespace = 'app';
