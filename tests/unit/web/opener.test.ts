/**
 * Opening the browser (main/hosts/web/opener.ts) puts no link in any process's argv: the opener gets the path
 * of a 0600 file in a private 0700 folder that redirects to a one-time link, and the file is gone once the
 * link is used (or the assistant stops). The opener here is a fake that behaves like xdg-open plus a
 * browser: it reports its argv, waits while the test reads `ps`, then reads the file and follows the link.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOpenerCommand, launcherHtml, openInBrowser } from '../../../main/hosts/web/opener';
import { startWeb, type Web } from './support';

/** Reports its argv to the control server (which answers once `ps` was read), then "browses" the file. */
const FAKE_OPENER = `
import { readFileSync } from 'node:fs';
const [control, file] = process.argv.slice(2);
const cmdline = readFileSync('/proc/self/cmdline', 'utf8');
await fetch(control + '/argv', { method: 'POST', body: JSON.stringify({ argv: process.argv, cmdline, pid: process.pid }) });
const html = readFileSync(file, 'utf8');
const target = /http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)[1].replace(/&#38;/g, '&');
const page = await fetch(target);
const body = await page.text();
await fetch(control + '/result', { method: 'POST', body: JSON.stringify({ status: page.status, hasSecret: body.includes('name="exopen-session"') }) });
`;

interface Report {
  argv: string[];
  cmdline: string;
  pid: number;
  ps: string;
  fileMode: number;
  dirMode: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('opening the browser', () => {
  let web: Web;
  let root: string;
  let control: Server;
  let controlUrl: string;
  let onArgv: (report: Report) => void = () => undefined;
  let onResult: (result: { status: number; hasSecret: boolean }) => void = () => undefined;

  beforeAll(async () => {
    web = await startWeb();
    root = await mkdtemp(join(tmpdir(), 'exopen-opener-'));
    await writeFile(join(root, 'fake-opener.mjs'), FAKE_OPENER);
    control = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        void (async () => {
          const data = JSON.parse(body) as Record<string, unknown>;
          if (req.url === '/argv') {
            // Read while the opener is alive: the process list as every user of the machine sees it.
            const ps = execFileSync('ps', ['-eo', 'pid,args', '--width', '4096'], { encoding: 'utf8' });
            const file = (data.argv as string[]).at(-1)!;
            const fileMode = (await stat(file)).mode & 0o777;
            const dirMode = (await stat(dirname(file))).mode & 0o777;
            onArgv({ ...(data as { argv: string[]; cmdline: string; pid: number }), ps, fileMode, dirMode });
          } else onResult(data as { status: number; hasSecret: boolean });
          res.end('ok');
        })();
      });
    });
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
    controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    control.close();
    await web.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('hands the opener only a private file path: the link is in no argv and in no file once used', async () => {
    const tmpRoot = join(root, 'tmp');
    await mkdir(tmpRoot);
    const link = web.host.newLink();
    const code = new URL(link.url).searchParams.get('code')!;
    const argvSeen = new Promise<Report>((resolve) => (onArgv = resolve));
    const result = new Promise<{ status: number; hasSecret: boolean }>((resolve) => (onResult = resolve));

    const launcher = openInBrowser(link, { command: [process.execPath, join(root, 'fake-opener.mjs'), controlUrl], tmpRoot });
    const report = await argvSeen;
    expect(report.argv.at(-1)).toBe(launcher.file);
    expect(launcher.file.startsWith(tmpRoot)).toBe(true);
    expect(report.fileMode).toBe(0o600);
    expect(report.dirMode).toBe(0o700);
    for (const text of [report.argv.join(' '), report.cmdline, report.ps]) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(link.url);
    }
    expect(report.ps).toContain(`${report.pid} `);
    expect(report.ps).toContain(launcher.file);

    // The "browser" followed the file's redirect: the link worked, once.
    expect(await result).toEqual({ status: 200, hasSecret: true });
    await link.used;
    await expect(stat(launcher.file)).rejects.toThrow();
    await expect(stat(dirname(launcher.file))).rejects.toThrow();
    for (const file of await filesUnder(root)) expect(await readFile(file, 'utf8'), file).not.toContain(code);
    expect((await fetch(link.url)).status).toBe(410);
  });

  it('a link nobody used is removed when the assistant stops (dispose), and a failed opener is reported', async () => {
    const tmpRoot = join(root, 'tmp2');
    await mkdir(tmpRoot);
    const link = web.host.newLink();
    const code = new URL(link.url).searchParams.get('code')!;
    let reportFailure: (error: Error) => void = () => undefined;
    const failed = new Promise<Error>((resolve) => (reportFailure = resolve));
    const launcher = openInBrowser(link, { command: [join(root, 'no-such-opener')], tmpRoot, onError: reportFailure });
    expect(launcher.file.startsWith(tmpRoot)).toBe(true);
    expect(await readFile(launcher.file, 'utf8')).toContain(code);
    expect((await failed).message).toContain('ENOENT');
    launcher.dispose();
    launcher.dispose();
    expect(await filesUnder(tmpRoot)).toEqual([]);
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('uses the platform opener, and the launcher page has no script', () => {
    expect(defaultOpenerCommand('linux')).toEqual(['xdg-open']);
    expect(defaultOpenerCommand('darwin')).toEqual(['open']);
    expect(defaultOpenerCommand('win32')).toEqual(['explorer']);
    const html = launcherHtml('http://127.0.0.1:1/?code=a"b<c');
    expect(html).not.toContain('<script');
    expect(html).toContain('content="0;url=http://127.0.0.1:1/?code=a&#34;b&#60;c"');
  });
});
