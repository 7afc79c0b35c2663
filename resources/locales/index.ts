/**
 * Every user-facing string, per language and namespace. The renderer, the CLI and the services all render
 * `Msg` keys (`namespace:path.to.key`) through i18next with these resources, so no text is hard-coded.
 * English is complete; other languages are added as sibling folders.
 */
import app from './en/app.json';
import common from './en/common.json';
import diagnose from './en/diagnose.json';
import exopen from './en/exopen.json';
import netvisor from './en/netvisor.json';
import procountor from './en/procountor.json';
import vitec from './en/vitec.json';

export const resources = {
  en: { app, common, diagnose, exopen, netvisor, procountor, vitec },
} as const;

export const namespaces = Object.keys(resources.en) as ReadonlyArray<keyof typeof resources.en>;
export const defaultNamespace = 'app';
