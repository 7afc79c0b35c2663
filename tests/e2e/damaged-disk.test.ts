/**
 * A damaged disk, as a user meets it: in the browser the notices of a damaged settings file, a damaged draft
 * and a logs folder that is a file are shown once, say what was kept, what was reset and what to do, and a
 * dismissed one stays dismissed (reload, restart). From the command line, `exopen-connect web` starts over a
 * settings.json that is a folder and a logs folder that is a file, with a plain sentence and no stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import app from '../../resources/locales/en/app.json';
import { startApp, type RunningApp } from './support/app';

let running: RunningApp | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('a damaged disk in the browser', () => {
  it('shows each notice once, with what was kept and reset, and a dismissed one stays dismissed', async () => {
    running = await startApp();
    const { dataDir } = running;
    const draft = await running.runtime.handlers['drafts.start']({ system: 'netvisor' });
    await running.runtime.handlers['secrets.put']({ draftId: draft.id, field: 'customerKey', value: 'e2e-damaged-disk-canary-key' });
    await running.stop();
    running = undefined;

    // A bad disk: garbage in the settings, the draft cut off after its id, a file where the logs folder goes.
    writeFileSync(join(dataDir, 'settings.json'), '\u0000\u0000\u0000\u0000');
    const draftFile = join(dataDir, 'drafts', 'current.json');
    const text = readFileSync(draftFile, 'utf8');
    writeFileSync(draftFile, text.slice(0, text.indexOf(draft.id) + draft.id.length + 3));
    rmSync(join(dataDir, 'logs'), { recursive: true, force: true });
    writeFileSync(join(dataDir, 'logs'), 'not a folder');

    running = await startApp({ dataDir });
    const { page } = running;
    const settingsNotice = page.getByTestId('notice-E_CONFIG_CORRUPT');
    await settingsNotice.waitFor();
    const [aside] = readdirSync(dataDir).filter((name) => name.startsWith('settings.json.corrupt-'));
    const settingsText = await settingsNotice.innerText();
    expect(settingsText).toContain(app.notices.config.title);
    expect(settingsText).toContain(`A copy was kept at ${join(dataDir, aside!)}.`);
    expect(settingsText).toContain('The backend setting was reset to sandbox: set it again in Settings.');
    const draftText = await page.getByTestId('notice-E_DRAFT_CORRUPT').innerText();
    expect(draftText).toContain(app.notices.draft.title);
    // Its secret went with it: removed from the keychain, or (without one here) gone with the first run's memory.
    const { secretBackend } = await running.runtime.handlers['app.info']({});
    expect(draftText).toContain(secretBackend.kind === 'keychain' ? app.notices.draft.secrets.removed : app.notices.draft.secrets.none);
    expect(await page.getByTestId('notice-E_LOG_UNAVAILABLE').innerText()).toContain(`${join(dataDir, 'logs')} is a file, not a folder`);

    // Dismissed: gone now, and after a reload; the others stay until dismissed.
    await settingsNotice.getByTestId('notice-dismiss').click();
    await settingsNotice.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('notice-E_DRAFT_CORRUPT').waitFor();
    expect(await page.getByTestId('notice-E_CONFIG_CORRUPT').count()).toBe(0);
    await page.getByTestId('notice-E_DRAFT_CORRUPT').getByTestId('notice-dismiss').click();
    await page.getByTestId('notice-E_DRAFT_CORRUPT').waitFor({ state: 'detached' });
    await running.stop();
    running = undefined;

    // Not on every start: the files set aside are gone from the way; the logs folder still is a file, so that one is said again.
    running = await startApp({ dataDir });
    await running.page.getByTestId('notice-E_LOG_UNAVAILABLE').waitFor();
    expect(await running.page.getByTestId('notice-E_CONFIG_CORRUPT').count()).toBe(0);
    expect(await running.page.getByTestId('notice-E_DRAFT_CORRUPT').count()).toBe(0);
  });
});

describe('a damaged disk from the command line', () => {
  it('`exopen-connect web` starts over a settings folder and a logs file: a plain sentence, no stack trace', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'exopen-e2e-disk-'));
    mkdirSync(join(dataDir, 'settings.json'));
    writeFileSync(join(dataDir, 'logs'), 'not a folder');
    const child = spawn(process.execPath, [resolve('bin/exopen-connect.js'), 'web', '--no-open', '--data-dir', dataDir], {
      env: { PATH: process.env.PATH, HOME: dataDir, LANG: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = new Promise<number | null>((done) => child.on('close', done));
    await new Promise<void>((ready, fail) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (/127\.0\.0\.1:\d+/.test(stdout)) ready();
      });
      void closed.then((code) => fail(new Error(`exopen-connect web exited (${code}) before serving:\n${stdout}\n${stderr}`)));
    });
    child.kill('SIGTERM');
    expect(await closed).toBe(0);

    expect(stderr).toContain(
      `exopen-connect: cannot write the log: ${join(dataDir, 'logs')} is a file, not a folder. Log lines go to this terminal only; move or delete ${join(dataDir, 'logs')} and start again to get the log file back.`,
    );
    expect(stderr).not.toMatch(/\n\s+at\s/);
    expect(statSync(join(dataDir, 'settings.json')).isFile()).toBe(true);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('settings.json.corrupt-'))).toHaveLength(1);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
