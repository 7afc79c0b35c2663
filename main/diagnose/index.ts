/**
 * Diagnose: run every check of a credential with a request timeline, map the run onto the known-problems
 * catalogue, export a redacted support bundle and an admin task pack. The public surface for the CLI and,
 * later, the Diagnose view's bridge calls.
 */
export type { CatalogueEntry, CatalogueMatch, DiagnosedResult, DiagnosedRow, Diagnosis, DiagnosisEnvironment, KnownProblem, Signature, TimelineEntry } from './types';
export { CATALOGUE, catalogueEntry, catalogueFor, searchCatalogue } from './catalogue';
export { entryIdsOf, matchReport, signatureHolds } from './matcher';
export { diagnose, runDiagnosis, targetFor, type DiagnoseOptions, type DiagnoseRun, type DiagnoseTarget } from './run';
export { RunSecrets } from './secrets';
export { BUNDLE_FILES, BundleLeakError, buildBundle, previewBundleJson, type Bundle, type BundleOptions, type Manifest } from './bundle';
export { assertTaskPackClean, writeBundle, writeFileAtomically, writeTaskPack } from './bundle-file';
export { buildTaskPack, supportsTaskPack, TASK_PACK_SYSTEMS, type TaskPackInput } from './taskpack';
export { renderDiagnosis } from './text';
