/**
 * The contract's call and event names as plain data, for the code that runs in the renderer and the
 * preload: building the bridge needs the names only, not the zod schemas (which main validates with), so
 * neither bundle carries zod. contract.ts checks at compile time that these lists and the contract agree.
 */
export const INVOKE_NAMES = [
  'app.info', 'app.logError', 'app.dismissNotice', 'systems.list', 'drafts.current', 'drafts.start', 'drafts.recreate', 'drafts.save',
  'drafts.discard', 'secrets.put', 'secrets.status', 'checks.run', 'checks.cancel', 'handoff.review',
  'handoff.submit', 'handoff.retryCompanies', 'status.get', 'links.open', 'auth.status', 'auth.signIn',
  'auth.cancel', 'auth.signOut', 'domains.list', 'domains.create', 'dataSources.list',
  'dataSources.companies', 'dataSources.addCompanies', 'dataSources.removeCompanies', 'dataSources.delete',
  'diagnose.catalogue', 'diagnose.run', 'diagnose.reproduce', 'diagnose.bundlePreview', 'diagnose.bundle',
  'diagnose.taskPack', 'diagnose.taskPackPdf', 'settings.get', 'settings.set',
] as const;

export const EVENT_NAMES = ['checks.progress', 'handoff.progress', 'auth.changed'] as const;
