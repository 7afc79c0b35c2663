/**
 * A system is one folder (issue 10): a copy of this repository gets tests/fixtures/one-folder-system as
 * main/connectors/economic/ plus its line in the one list (main/connectors/registry.ts), and no other edit.
 * The copy type-checks and builds, and the new system shows up everywhere the app lists systems: the CLI's
 * help and subcommands, `sandbox --json`, the task pack, the wizard's system list, Diagnose's system list and
 * the known-problems catalogue (with Reproduce). Costs about two minutes: a tsc run and a build of the copy.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './support/app';

const ROOT = resolve('.');
const FIXTURE = join(ROOT, 'tests/fixtures/one-folder-system');

let copy: string;
let web: ChildProcess | undefined;
let browser: Browser | undefined;

const run = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = {}) =>
  execFileSync(process.execPath, [join(copy, 'bin/exopen-connect.js'), ...args], { cwd: copy, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

/** Exit code and stdout of a CLI run that may exit non-zero. */
function runStatus(args: ReadonlyArray<string>): { status: number; stdout: string } {
  try {
    return { status: 0, stdout: run(args) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

/** Copies the tracked and untracked (not ignored) files of the working tree, as a clean clone would have them. */
function copyRepository(to: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(ROOT, file), join(to, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'));
}

/** Runs one node step in the copy; on failure the error carries what it printed. */
function step(args: ReadonlyArray<string>): void {
  try {
    execFileSync(process.execPath, args, { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`${args.join(' ')} failed in the copy:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
  }
}

/** The only edit outside the new folder: its line (and import) in the one list. */
function addToTheList(registry: string): void {
  const source = readFileSync(registry, 'utf8');
  const listed = source
    .replace("import { vitec } from './vitec/system';", "import { vitec } from './vitec/system';\nimport { economic } from './economic/system';")
    .replace(/export const SYSTEMS = \[([^\]]*)\] as const;/, (_, systems: string) => `export const SYSTEMS = [${systems}, economic] as const;`);
  expect(listed).not.toBe(source);
  writeFileSync(registry, listed);
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'exopen-one-folder-'));
  copyRepository(copy);
  cpSync(FIXTURE, join(copy, 'main/connectors/economic'), { recursive: true });
  rmSync(join(copy, 'main/connectors/economic/README.md'));
  addToTheList(join(copy, 'main/connectors/registry.ts'));
  step([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  step(['scripts/build.mjs']);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  web?.kill();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('a system added as one folder and one line in the list', () => {
  it('is in the CLI: --help, test/companies/diagnose subcommands, the secret variables', () => {
    expect(run(['--help'])).toMatch(/economic\s+Fake Vendor Books/);
    expect(run(['test', '--help'])).toMatch(/economic .*test a Fake Vendor Books credential/);
    const help = run(['test', 'economic', '--help']);
    expect(help).toContain('--account-name <value>');
    expect(help).toContain('ECONOMIC_TOKEN');
    expect(run(['companies', '--help'])).toContain('economic');
    expect(run(['diagnose', '--help'])).toContain('economic');
  });

  it('runs its scenarios from the CLI with the documented exit codes', () => {
    const healthy = runStatus(['test', 'economic', '--scenario', 'healthy', '--json']);
    expect(healthy.status).toBe(0);
    expect(JSON.parse(healthy.stdout)).toMatchObject({ system: 'economic', overall: 'passed' });
    const down = runStatus(['diagnose', 'economic', '--scenario', 'down', '--json']);
    expect(down.status).toBe(3);
    expect(down.stdout).toContain('economic.service-down');
  });

  it('has a task pack', () => {
    const out = join(copy, 'task-pack.html');
    runStatus(['diagnose', 'economic', '--scenario', 'down', '--task-pack', out]);
    expect(readFileSync(out, 'utf8')).toContain('Make a fake token');
  });

  it('lists its scenarios in sandbox --json', async () => {
    const sandbox = spawn(process.execPath, [join(copy, 'bin/exopen-connect.js'), 'sandbox', '--json'], { cwd: copy, env: { ...process.env, EXOPEN_CONNECT_DATA_DIR: join(copy, 'data-sandbox') } });
    const line = await new Promise<string>((resolveLine, reject) => {
      let buffer = '';
      sandbox.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        if (buffer.includes('\n')) resolveLine(buffer.slice(0, buffer.indexOf('\n')));
      });
      sandbox.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    sandbox.kill('SIGINT');
    const described = JSON.parse(line) as { scenarios: Record<string, Array<{ id: string; command: string }>> };
    expect(described.scenarios.economic?.map((scenario) => scenario.id)).toEqual(['healthy', 'down']);
    expect(described.scenarios.economic?.[1]?.command).toBe('exopen-connect test economic --scenario down');
  });

  it('is in the wizard, in Diagnose and in the catalogue, and Reproduce shows its known problem', async () => {
    web = spawn(process.execPath, [join(copy, 'bin/exopen-connect.js'), 'web', '--no-open', '--data-dir', join(copy, 'data-web')], { cwd: copy });
    const url = await new Promise<string>((resolveUrl, reject) => {
      let buffer = '';
      web!.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const found = /https?:\/\/127\.0\.0\.1:\d+\/\S*/.exec(buffer);
        if (found) resolveUrl(found[0]);
      });
      web!.on('exit', (code) => reject(new Error(`web host exited with ${code}`)));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByTestId('system-economic').waitFor();
    expect(await page.getByTestId('system-economic').innerText()).toContain('Fake Vendor Books');

    await page.getByTestId('nav-diagnose').click();
    await page.getByTestId('diagnose-system').waitFor();
    const options = await page.getByTestId('diagnose-system').locator('option').allInnerTexts();
    expect(options).toContain('Fake Vendor Books');
    await page.getByTestId('diagnose-entry-economic.service-down').waitFor();
    await page.getByTestId('diagnose-reproduce-economic.service-down').click();
    await expect.poll(() => page.getByTestId('diag-check-ping').getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
  });
});
