import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureLogging, createLogger, formatLine, LOG_FILE_NAME, type LogSink } from '../../../main/platform/log';
import { registerSecret, REDACTED } from '../../../main/platform/redact';
import { canary, findLeaks, tempDir } from './support/canary';

let sink: LogSink | undefined;
afterEach(() => {
  sink?.close();
  sink = undefined;
  vi.restoreAllMocks();
});

const lines = (file: string): Array<Record<string, unknown>> =>
  readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('logging', () => {
  it('writes JSON lines to <dataDir>/logs with private permissions', async () => {
    const dataDir = await tempDir();
    sink = configureLogging({ dataDir, level: 'info' });
    createLogger('test').info('hello', { count: 2 });
    expect(sink.file).toBe(path.join(dataDir, 'logs', LOG_FILE_NAME));
    expect(lines(sink.file)).toEqual([expect.objectContaining({ level: 'info', scope: 'test', message: 'hello', count: 2, time: expect.any(String) })]);
    expect(statSync(sink.file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(sink.file)).mode & 0o777).toBe(0o700);
  });

  it('drops lines below the configured level', async () => {
    sink = configureLogging({ dataDir: await tempDir(), level: 'warn' });
    const log = createLogger('test');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines(sink.file).map((line) => line.message)).toEqual(['w', 'e']);
  });

  it('never writes a registered secret: message, fields, nested errors, stacks', async () => {
    const dataDir = await tempDir();
    const secret = canary();
    registerSecret(secret);
    sink = configureLogging({ dataDir, level: 'debug' });
    const log = createLogger('test');
    const error = Object.assign(new Error(`vendor rejected ${secret}`), { code: 'E_VENDOR', config: { headers: { Authorization: secret } } });
    log.error(`failed with ${secret}`, { error, url: `https://x.example/?key=${encodeURIComponent(secret)}`, body: JSON.stringify({ k: secret }) });
    log.info('plain', { password: 'short', apiKey: secret, nested: [{ value: Buffer.from(secret).toString('base64') }] });
    expect(await findLeaks(dataDir, secret)).toEqual([]);
    const [first, second] = lines(sink.file);
    expect(first).toMatchObject({ message: `failed with ${REDACTED}`, error: { code: 'E_VENDOR', message: `vendor rejected ${REDACTED}` } });
    expect(String((first?.error as { stack: string }).stack)).toContain(REDACTED);
    expect(second).toMatchObject({ password: REDACTED, apiKey: REDACTED });
  });

  it('keeps the reserved keys its own and renames colliding fields', () => {
    const record = JSON.parse(formatLine('info', 'scope', 'msg', { level: 'x', time: 'y' }, new Date(0))) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 'info', time: '1970-01-01T00:00:00.000Z', 'field.level': 'x', 'field.time': 'y' });
  });

  it('rotates to a single .1 file at the size cap', async () => {
    sink = configureLogging({ dataDir: await tempDir(), level: 'info', maxBytes: 400 });
    const log = createLogger('rotate');
    for (let i = 0; i < 30; i++) log.info(`line ${i}`, { padding: 'x'.repeat(40) });
    const current = lines(sink.file);
    const previous = lines(`${sink.file}.1`);
    expect(statSync(sink.file).size).toBeLessThanOrEqual(400);
    expect(statSync(`${sink.file}.1`).size).toBeLessThanOrEqual(400);
    expect(current.at(-1)?.message).toBe('line 29');
    // The .1 file holds the lines just before the current file's first line: nothing in between was lost.
    const firstCurrent = Number(String(current[0]?.message).split(' ')[1]);
    expect(previous.at(-1)?.message).toBe(`line ${firstCurrent - 1}`);
  });

  it('a logs folder that is a file: no throw, lines to stderr only, and the path and the fix said once', async () => {
    const writes: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const dataDir = await tempDir();
    writeFileSync(path.join(dataDir, 'logs'), 'not a folder');
    sink = configureLogging({ dataDir, level: 'info' });
    expect(sink.unavailable).toEqual({ path: path.join(dataDir, 'logs'), code: expect.stringMatching(/^E/), kind: 'not-a-folder', problem: 'is a file, not a folder' });
    createLogger('fallback').info('still logged', { secretBackend: 'keychain' });
    expect(writes[0]).toBe(
      `exopen-connect: cannot write the log: ${path.join(dataDir, 'logs')} is a file, not a folder. Log lines go to this terminal only; ` +
        `move or delete ${path.join(dataDir, 'logs')} and start again to get the log file back.\n`,
    );
    expect(JSON.parse(writes[1]!)).toMatchObject({ scope: 'fallback', message: 'still logged', secretBackend: 'keychain' });
    expect(writes).toHaveLength(2);
    expect(readFileSync(path.join(dataDir, 'logs'), 'utf8')).toBe('not a folder');
  });

  it('a log file that is a folder: the same, naming the file', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dataDir = await tempDir();
    mkdirSync(path.join(dataDir, 'logs', LOG_FILE_NAME), { recursive: true });
    sink = configureLogging({ dataDir });
    expect(sink.unavailable).toMatchObject({ path: path.join(dataDir, 'logs', LOG_FILE_NAME), problem: 'is a folder, not a file' });
  });

  it('logs where secrets live (secretBackend) and still drops secret-keyed values', async () => {
    sink = configureLogging({ dataDir: await tempDir(), level: 'info' });
    createLogger('runtime').info('runtime started', { secretBackend: 'keychain', clientSecret: 'keychain-lookalike' });
    expect(lines(sink.file)[0]).toMatchObject({ secretBackend: 'keychain', clientSecret: REDACTED });
  });

  it('copies lines to stderr when asked, and sends warnings there before it is configured', async () => {
    const writes: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    createLogger('early').info('not shown');
    createLogger('early').warn('shown');
    sink = configureLogging({ dataDir: await tempDir(), level: 'info', alsoStderr: true });
    createLogger('late').info('both');
    expect(writes.map((line) => (JSON.parse(line) as { message: string }).message)).toEqual(['shown', 'both']);
  });
});
