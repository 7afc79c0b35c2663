/**
 * `exopen-connect web` checks its options before anything starts: a bad --port or --backend-url is a usage
 * error (exit 1, docs/cli.md) that names the option and the fix, with no stack trace, and nothing has been
 * started or written (the data directory stays empty: no logs, no sandbox). That a good --backend-url is
 * honoured and a port already taken is said as plainly: tests/e2e/web-session.test.ts (they need the build).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackendUrl, parsePort } from '../../../main/hosts/cli/web-command';

const CLI = ['--import', 'tsx', 'main/hosts/cli/index.ts'];

function runWeb(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.EXOPEN_BACKEND_URL;
    const child = spawn(process.execPath, [...CLI, 'web', '--no-open', '--data-dir', dataDir, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe('exopen-connect web: options', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'exopen-web-cli-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('--port abc, -1, 65536, 1.5: exit 1 naming --port and the fix, before anything starts', async () => {
    const values = ['abc', '-1', '65536', '1.5'];
    const runs = await Promise.all(values.map(async (value, index) => ({ value, dir: join(root, `port-${index}`), result: await runWeb(['--port', value], join(root, `port-${index}`)) })));
    for (const { value, dir, result } of runs) {
      expect(result.code, value).toBe(1);
      expect(result.stderr, value).toContain(`--port: "${value}" is not a port`);
      expect(result.stderr, value).toContain('from 1 to 65535');
      expect(result.stderr, value).not.toMatch(STACK_LINE);
      expect(result.stdout, value).toBe('');
      // Nothing started: no log, no sandbox data (the folder is not even made).
      expect(await readdir(dir).catch(() => []), value).toEqual([]);
    }
  });

  it('--backend-url that is no address, not http(s), or plain http off this machine: exit 1 naming --backend-url', async () => {
    const cases: Array<[string, string]> = [
      ['nope', '"nope" is not an address'],
      ['ftp://exopen.example.com', 'use an https:// address'],
      ['http://exopen.example.com', 'use https for a backend that is not on this machine'],
    ];
    const runs = await Promise.all(cases.map(async ([value], index) => runWeb(['--backend-url', value], join(root, `url-${index}`))));
    for (const [index, [value, said]] of cases.entries()) {
      const result = runs[index]!;
      expect(result.code, value).toBe(1);
      expect(result.stderr, value).toContain(`--backend-url: `);
      expect(result.stderr, value).toContain(said);
      expect(result.stderr, value).not.toMatch(STACK_LINE);
      expect(await readdir(join(root, `url-${index}`)).catch(() => []), value).toEqual([]);
    }
  });

  it('parses ports and backend addresses', () => {
    expect(parsePort('0')).toEqual({ ok: true, value: 0 });
    expect(parsePort('8080')).toEqual({ ok: true, value: 8080 });
    expect(parsePort('65535')).toEqual({ ok: true, value: 65535 });
    for (const bad of ['', ' ', 'abc', '-1', '65536', '1e3', '0x50', '80a', '123456']) expect(parsePort(bad).ok, bad).toBe(false);
    expect(parseBackendUrl('https://exopen.example.com/')).toEqual({ ok: true, value: 'https://exopen.example.com' });
    expect(parseBackendUrl('http://127.0.0.1:8080')).toEqual({ ok: true, value: 'http://127.0.0.1:8080' });
    expect(parseBackendUrl('javascript:alert(1)').ok).toBe(false);
  });
});
