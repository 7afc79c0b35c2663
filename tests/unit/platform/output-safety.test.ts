/**
 * Every text main hands out passes one value redactor and, bound for a terminal, one sanitiser: bridge
 * answers and events to the renderer, log lines, and the CLI's printing (which only output.ts does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatLine } from '../../../main/platform/log';
import { registerSecret } from '../../../main/platform/redact';
import { jsonTerminalSafe, oneLine, terminalSafe } from '../../../main/platform/terminal-text';
import { dispatchCall } from '../../../main/services/dispatch';
import { createEventHub } from '../../../main/services/events';
import { asHandlers, recordingLog, spyHandlers, type HandlerSpies } from '../electron/handlers-fixture';
import { canary, leakForms } from './support/canary';

const HOSTILE = 'a\u001b[2Jb\u001b]0;title\u0007c\rOverall: passed\u009b1m\u007f\u202eevil\u2066x\u0000';

describe('terminal text', () => {
  it('terminalSafe shows every control character as a visible escape and keeps line feeds and tabs', () => {
    const out = terminalSafe(`${HOSTILE}\n\tnext`);
    expect(out).toBe('a\\x1b[2Jb\\x1b]0;title\\x07c\\x0dOverall: passed\\x9b1m\\x7f\\u202eevil\\u2066x\\x00\n\tnext');
  });

  it('oneLine also turns line breaks into spaces, so a vendor value cannot start a line of its own', () => {
    expect(oneLine('x\r\nOverall: passed\n\u2028y\tz')).toBe('x Overall: passed  y z');
    expect(oneLine(HOSTILE)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('jsonTerminalSafe escapes what JSON.stringify leaves raw, and the JSON means the same', () => {
    const json = JSON.stringify({ text: HOSTILE });
    expect(json).not.toContain('\u001b'); // JSON.stringify escapes C0 itself
    const safe = jsonTerminalSafe(json);
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(safe)).toEqual({ text: HOSTILE });
  });

  it('a log line carries no character a terminal acts on', () => {
    const line = formatLine('warn', 'test', HOSTILE, { body: HOSTILE }, new Date(0));
    expect(line.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(line) as { body: string }).body).toBe(HOSTILE);
  });
});

describe('what the renderer gets from main', () => {
  let handlers: HandlerSpies;
  let secret: string;
  beforeEach(() => {
    handlers = spyHandlers();
    secret = `${canary('ui')}+/=`;
    registerSecret(secret);
  });
  const echo = (value: string) =>
    `vendor said: ${value} | ${encodeURIComponent(value)} | ${Buffer.from(value).toString('base64')} | ${Buffer.from(value).toString('hex')} | ${JSON.stringify(value)}`;
  const expectClean = (value: unknown) => {
    const text = JSON.stringify(value);
    for (const form of leakForms(secret)) expect(text.includes(form), form).toBe(false);
    expect(text).toContain('[REDACTED]');
  };

  it('a bridge answer is value-redacted in every encoding, keys and structure kept', async () => {
    handlers['drafts.start'].mockResolvedValueOnce({ report: { results: [{ vendor: { text: echo(secret) } }] }, partnerKey: 'public-search-key' });
    const envelope = await dispatchCall(asHandlers(handlers), 'drafts.start', { system: 'netvisor' }, recordingLog());
    expect(envelope.ok).toBe(true);
    expectClean(envelope);
    expect(JSON.stringify(envelope)).toContain('"partnerKey":"public-search-key"');
  });

  it('an event is value-redacted before any host forwards it', () => {
    const hub = createEventHub();
    const seen: unknown[] = [];
    hub.subscribe((_name, payload) => seen.push(payload));
    hub.emit('checks.progress', { operationId: 'op', event: { type: 'check-started', checkId: echo(secret) } } as never);
    expect(seen).toHaveLength(1);
    expectClean(seen[0]);
  });
});

describe('the CLI prints only through output.ts', () => {
  // sandbox and web print no vendor text and no secret of this process (the sandbox's demo credentials are
  // its purpose); guardProcessOutput still replaces every registered secret in what they write.
  const EXEMPT = new Set(['output.ts', 'sandbox-command.ts', 'web-command.ts', 'secret-input.ts']);
  const dir = path.join(process.cwd(), 'main/hosts/cli');
  it.each(readdirSync(dir).filter((name) => name.endsWith('.ts') && !EXEMPT.has(name)))('%s writes to no stream itself', (name) => {
    const source = readFileSync(path.join(dir, name), 'utf8');
    expect(source).not.toMatch(/process\.(stdout|stderr)\.write|console\.(log|error|warn|info)|\bstdout\.write|\bstderr\.write/);
  });
});
