#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's Electron security scanner) over what ships: main/, preload/, renderer/ and
 * package.json, through its programmatic API (its CLI exits 0 whatever it finds). Fails on any finding and
 * on any file it could not parse, so a new finding has to be fixed or reviewed: a reviewed exception is an
 * `eng-disable CHECK_ID` annotation beside the code with a `reviewed:` comment saying why, and each one is
 * listed in security/eng-allowlist.json (tests/unit/security/electronegativity.test.ts keeps the two equal),
 * as are the checks skipped whole, each with its reason. `npm test` runs it as its step "electronegativity".
 *
 *   node scripts/electronegativity.mjs          prints the findings; exit 1 when there are any
 *   node scripts/electronegativity.mjs --json   one JSON line: { checks, issues, errors }
 *   … --dir <directory>                        scans that directory as it is instead (tests scan fixtures)
 *
 * Offline by design: the tool's HTTP client is replaced by one that fails at once (it would fetch translations,
 * then fall back to its bundled English, and GitHub's release index for the excluded
 * AvailableSecurityFixesGlobalCheck), and the whole run is bounded.
 * Exclusions must be lower-cased class names: a snake-case id there is silently ignored by the tool.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** What is scanned: the code that ends up in the app, and the manifest that names the Electron version. */
export const SCANNED = ['main', 'preload', 'renderer', 'package.json'];
/** The reviewed exceptions: checks skipped whole (with why), and the count of `eng-disable` annotations. */
export const ALLOWLIST = JSON.parse(readFileSync(join(root, 'security', 'eng-allowlist.json'), 'utf8'));
/** Lower-case class names: the tool silently ignores anything else here. */
export const EXCLUDED_CHECKS = ALLOWLIST.excludedChecks.map((entry) => entry.check);
/** The whole scan's upper bound (it takes about 10 s). */
const DEADLINE_MS = 5 * 60_000;

/**
 * The tool, with its one HTTP client (got) replaced by one that fails at once: it would fetch translations
 * from an S3 bucket (and retry) and, in the excluded release check, GitHub's release index. Without it the
 * scan reads no remote content and costs no network waits; the tool then uses its bundled English.
 */
function loadOffline() {
  const engine = require.resolve('@doyensec/electronegativity');
  const got = createRequire(engine).resolve('got');
  const offline = () => Promise.reject(new Error('network disabled by scripts/electronegativity.mjs'));
  offline.default = offline;
  offline.__esModule = true;
  require.cache[got] ??= { id: got, filename: got, loaded: true, exports: offline, children: [], paths: [] };
  return require(engine);
}

/** Scans the app (a copy of SCANNED), or `directory` as it is (tests scan fixtures). */
export async function scan({ directory } = {}) {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const run = loadOffline();
  // A copy of exactly what is scanned (not dist/, tests/ or node_modules), so the reported paths are stable.
  const input = directory ?? mkdtempSync(join(tmpdir(), 'exopen-eng-'));
  try {
    if (!directory) for (const entry of SCANNED) cpSync(join(root, entry), join(input, entry), { recursive: true });
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`electronegativity did not finish within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
      timer.unref();
    });
    // Its translation fetch prints a line when offline; keep stdout ours.
    const log = console.log;
    console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
    try {
      const result = await Promise.race([
        run({
          input,
          isRelative: true,
          customScan: [],
          excludeFromScan: EXCLUDED_CHECKS,
          electronVersionOverride: electronVersion,
          parserPlugins: [],
        }),
        deadline,
      ]);
      return {
        checks: result.globalChecks + result.atomicChecks,
        issues: result.issues.map((issue) => ({
          id: issue.id,
          file: issue.file,
          line: issue.location?.line,
          column: issue.location?.column,
          severity: issue.severity?.name ?? String(issue.severity),
          confidence: issue.confidence?.name ?? String(issue.confidence),
          manualReview: Boolean(issue.manualReview),
          description: issue.description,
        })),
        errors: result.errors.map((error) => ({ file: error.file.replace(`${input}/`, ''), message: error.message, tolerable: error.tolerable })),
      };
    } finally {
      console.log = log;
      clearTimeout(timer);
    }
  } finally {
    if (!directory) rmSync(input, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const dirAt = process.argv.indexOf('--dir');
  const result = await scan(dirAt === -1 ? {} : { directory: process.argv[dirAt + 1] });
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    for (const issue of result.issues)
      console.log(`${issue.id} ${issue.file}:${issue.line}:${issue.column} (${issue.severity}/${issue.confidence}${issue.manualReview ? ', review' : ''})\n    ${issue.description}`);
    for (const error of result.errors) console.log(`PARSE ERROR ${error.file}: ${error.message}`);
    console.log(
      `electronegativity: ${result.checks} checks, ${result.issues.length} findings, ${result.errors.length} parse errors (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  process.exit(result.issues.length || result.errors.length ? 1 : 0);
}
