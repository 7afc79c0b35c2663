/**
 * Server-sent events: a checks.run made over HTTP streams its `checks.progress` events, tagged with the
 * call's operationId, ending with `run-finished`, to a session's /api/events stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckEvent, CheckReport, EventPayload } from '../../../preload/contract';
import { startWeb, type Web } from './support';

interface SseMessage {
  readonly event: string;
  readonly data: string;
}

/** Reads an SSE body message by message (comments like `: connected` come through as event ''). */
async function* messages(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = '';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice('event: '.length);
          else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
        }
        yield { event, data: data.join('\n') };
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

describe('web host events', () => {
  let web: Web;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web.stop());

  it('streams checks.progress for a checks.run made over HTTP, ending with run-finished', async () => {
    const healthy = web.sandbox.scenarios.netvisor!.find((scenario) => scenario.id === 'healthy')!;
    const started = await web.invoke('drafts.start', { system: 'netvisor' });
    if (!started.ok) throw new Error(started.error.code);
    const draftId = started.value.id;
    expect((await web.invoke('secrets.put', { draftId, field: 'customerKey', value: healthy.secrets.customerKey })).ok).toBe(true);
    const saved = await web.invoke('drafts.save', { id: draftId, step: 'test', fields: { ...healthy.fields, environment: 'sandbox' }, selectedCompanies: [] });
    expect(saved.ok && saved.value.errors).toEqual([]);

    const controller = new AbortController();
    const stream = await fetch(`${web.host.origin}/api/events`, { headers: web.sessionHeaders(), signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = messages(stream.body!);
    // The stream is subscribed once its first comment arrives; only then start the run.
    expect((await reader.next()).value).toEqual({ event: '', data: '' });

    const operationId = crypto.randomUUID();
    const otherOperation = crypto.randomUUID();
    const run = web.invoke('checks.run', { draftId, operationId });
    const seen: CheckEvent[] = [];
    for await (const message of reader) {
      if (message.event === '') continue;
      expect(message.event).toBe('checks.progress');
      const payload = JSON.parse(message.data) as EventPayload<'checks.progress'>;
      expect(payload.operationId).toBe(operationId);
      expect(payload.operationId).not.toBe(otherOperation);
      seen.push(payload.event);
      if (payload.event.type === 'run-finished') break;
    }
    controller.abort();

    const answer = await run;
    if (!answer.ok) throw new Error(answer.error.code);
    const report: CheckReport = answer.value;
    expect(seen[0]).toMatchObject({ type: 'check-started' });
    const last = seen.at(-1)!;
    expect(last.type).toBe('run-finished');
    if (last.type === 'run-finished') expect(last.report).toEqual(report);
    expect(report.overall).toBe('passed');
    const finishedChecks = seen.filter((event) => event.type === 'check-finished').map((event) => (event.type === 'check-finished' ? event.result.checkId : ''));
    expect(finishedChecks).toEqual(report.results.map((result) => result.checkId));
    expect(JSON.stringify(seen)).not.toContain(healthy.secrets.customerKey!);
  });
});
