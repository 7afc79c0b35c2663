/**
 * The support bundle: one .zip with bundle.json (allowlisted, redacted), manifest.json (files, sha256,
 * redaction counts) and README.txt. Entries are STORED, not deflated, so the zip's bytes are the files' bytes
 * and a plain search of the .zip (ours below, or anyone's grep) sees exactly what a reader would. The
 * finished bytes are scanned for every secret of the run; if one is there, generation fails closed.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { buildBundleJson, type BundleJsonOptions, type BundleRedactions } from './bundle-json';
import { readmeText } from './bundle-readme';
import type { RunSecrets } from './secrets';
import type { Diagnosis } from './types';

export const BUNDLE_FILES = ['README.txt', 'bundle.json', 'manifest.json'] as const;

/** A secret of the run survived redaction. Carries file names and secret numbers, never a value. */
export class BundleLeakError extends Error {
  readonly code = 'E_BUNDLE_SECRET_FOUND';

  constructor(
    readonly files: ReadonlyArray<string>,
    readonly secretNumbers: ReadonlyArray<number>,
  ) {
    super(`refusing to write a support bundle: ${secretNumbers.length} secret(s) of this run survived redaction in ${files.join(', ')}`);
    this.name = 'BundleLeakError';
  }
}

export interface BundleOptions extends BundleJsonOptions {
  readonly now?: () => Date;
}

export interface Manifest {
  readonly format: string;
  readonly generatedAt: string;
  readonly appVersion: string;
  readonly files: ReadonlyArray<{ readonly name: string; readonly bytes: number; readonly sha256: string }>;
  readonly redaction: {
    readonly byKey: BundleRedactions['byKey'];
    readonly byValue: { readonly duringRun: number; readonly atExport: number };
    readonly secretValuesTracked: number;
    readonly secretValuesTooShortToTrack: number;
    readonly encodingsSearched: ReadonlyArray<string>;
    readonly redactors: ReadonlyArray<string>;
  };
}

export interface Bundle {
  readonly bytes: Uint8Array;
  readonly files: Readonly<Record<(typeof BUNDLE_FILES)[number], Uint8Array>>;
  readonly manifest: Manifest;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Exactly the bundle.json text a bundle built now would contain, for the "before you share" preview. Gated
 * by the same scan: a preview of a bundle that could not be saved would show what must not be shown.
 */
export function previewBundleJson(diagnosis: Diagnosis, secrets: RunSecrets, options: BundleJsonOptions = {}): string {
  const { text } = buildBundleJson(diagnosis, options);
  const found = secrets.leaksIn(strToU8(text));
  if (found.length > 0) throw new BundleLeakError(['bundle.json'], found);
  return text;
}

function manifestOf(diagnosis: Diagnosis, generatedAt: string, contents: Record<string, Uint8Array>, redactions: BundleRedactions, secrets: RunSecrets): Manifest {
  return {
    format: 'exopen-connect/support-bundle-manifest@1',
    generatedAt,
    appVersion: diagnosis.appVersion,
    files: Object.entries(contents).map(([name, bytes]) => ({ name, bytes: bytes.byteLength, sha256: sha256(bytes) })),
    redaction: {
      byKey: redactions.byKey,
      byValue: { duringRun: diagnosis.redactedValues, atExport: redactions.byValue },
      secretValuesTracked: secrets.tracked,
      secretValuesTooShortToTrack: secrets.untracked,
      encodingsSearched: ['raw', 'JSON-escaped', 'URL-encoded', 'base64', 'base64url', 'hex', 'any ASCII case (final scan)'],
      redactors: ['allowlist of fields', 'key-based (secret-looking keys)', 'value-based (the run’s secrets)', 'pattern-based (Bearer, Basic, JWT, credentials in URLs)', 'final scan of the zip bytes (fails closed)'],
    },
  };
}

/** Builds the bundle in memory and scans it. Throws BundleLeakError (and any redactor's error) instead of returning a leaky bundle. */
export function buildBundle(diagnosis: Diagnosis, secrets: RunSecrets, options: BundleOptions = {}): Bundle {
  const generatedAt = (options.now?.() ?? new Date()).toISOString();
  const json = buildBundleJson(diagnosis, options);
  const readme = readmeText({ diagnosis, generatedAt, redactions: json.redactions, secretsTracked: secrets.tracked, secretsUntracked: secrets.untracked });
  const contents = { 'README.txt': strToU8(readme), 'bundle.json': strToU8(json.text) };
  const manifest = manifestOf(diagnosis, generatedAt, contents, json.redactions, secrets);
  const files = { ...contents, 'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`) };
  const mtime = new Date(generatedAt);
  const zippable: Zippable = Object.fromEntries(BUNDLE_FILES.map((name) => [name, [files[name], { level: 0, mtime }]]));
  const bytes = zipSync(zippable, { level: 0, mtime });
  assertNoSecrets(bytes, files, secrets);
  return { bytes, files, manifest };
}

/** The fail-closed gate: the zip as a whole, and each file for the error's file names. */
export function assertNoSecrets(bytes: Uint8Array, files: Readonly<Record<string, Uint8Array>>, secrets: RunSecrets): void {
  const inZip = secrets.leaksIn(bytes);
  const perFile = Object.entries(files).filter(([, content]) => secrets.leaksIn(content).length > 0).map(([name]) => name);
  if (inZip.length > 0 || perFile.length > 0) throw new BundleLeakError(perFile.length > 0 ? perFile : ['the zip structure'], inZip);
}
