/**
 * diagnose.reproduce through the real runtime (sandbox, dispatchCall): a catalogue entry's own sandbox
 * scenario runs like a typed credential would, its demo secrets never cross the bridge, the run can be
 * exported like any other, and outside the sandbox the call says why it cannot work.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../preload/contract';
import { createRuntime } from '../../../main/services/runtime';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { dispatchCall } from '../../../main/services/dispatch';
import { createLogger } from '../../../main/platform/log';
import { startRuntime, tempDir, type Harness } from './support';

describe('diagnose.reproduce', () => {
  let sandbox: Sandbox;
  let h: Harness;

  beforeAll(async () => {
    sandbox = await startSandbox({ dataDir: await tempDir() });
    h = await startRuntime({ sandbox });
  });
  afterAll(async () => {
    await h?.stop();
    await sandbox?.close();
  });

  it("runs the entry's scenario and names the entry, without sending its demo secret back", async () => {
    const operationId = randomUUID();
    const diagnosis = await h.ok('diagnose.reproduce', { operationId, entryId: 'vitec.user-locked' });
    expect(diagnosis.system).toBe('vitec');
    expect(diagnosis.environment).toMatchObject({ sandbox: true, scenario: 'locked-user' });
    expect(diagnosis.knownProblems.map((problem) => problem.id)).toEqual(['vitec.user-locked']);
    const password = sandbox.scenarios.vitec!.find((candidate) => candidate.id === 'locked-user')!.secrets.password!;
    expect(JSON.stringify(h.answers)).not.toContain(password);
    // The run is kept like any other: its bundle preview is there, without the password.
    const { json } = await h.ok('diagnose.bundlePreview', { operationId });
    expect(json).toContain('"scenario": "locked-user"');
    expect(json).not.toContain(password);
  });

  it('gives a key swap its earlier report, so the swap shows as refused', async () => {
    const diagnosis = await h.ok('diagnose.reproduce', { operationId: randomUUID(), entryId: 'procountor.other-company' });
    expect(diagnosis.knownProblems.map((problem) => problem.id)).toEqual(['procountor.other-company']);
    expect(diagnosis.overall).toBe('failed');
  });

  it('reports Procountor not answering the broker as a failed check of its own, not a broken run', async () => {
    // Signed in, the key exchange goes through the sandbox backend's broker; the simulator cuts that connection.
    const diagnosis = await h.ok('diagnose.reproduce', { operationId: randomUUID(), entryId: 'procountor.unreachable' });
    expect(diagnosis.knownProblems.map((problem) => problem.id)).toEqual(['procountor.unreachable']);
    const token = diagnosis.results[0]!;
    expect(token).toMatchObject({ outcome: 'failed', kind: 'unreachable', meaning: { key: 'procountor:diagnosis.broker.unreachable.meaning' } });
    expect(diagnosis.results.slice(1).every((result) => result.outcome === 'skipped')).toBe(true);
  });

  it('streams the run as checks.progress under its operation id', async () => {
    const operationId = randomUUID();
    const seen: string[] = [];
    const off = h.runtime.events.subscribe((name, payload) => {
      const progress = payload as EventPayload<'checks.progress'>;
      if (name === 'checks.progress' && progress.operationId === operationId) seen.push(progress.event.type);
    });
    try {
      await h.ok('diagnose.reproduce', { operationId, entryId: 'netvisor.resource-blocked' });
    } finally {
      off();
    }
    expect(seen).toContain('check-started');
    expect(seen).toContain('check-finished');
  });

  it('refuses an entry that is not in the catalogue, and an id that is not an entry id at all', async () => {
    expect(await h.fail('diagnose.reproduce', { operationId: randomUUID(), entryId: 'netvisor.no-such-problem' })).toMatchObject({ code: 'E_UNKNOWN_PROBLEM' });
    expect((await h.fail('diagnose.reproduce', { operationId: randomUUID(), entryId: '../etc/passwd' })).code).toMatch(/^E_/);
  });

  it('says it needs the sandbox when the app talks to a real Exopen', async () => {
    const runtime = await createRuntime({
      host: 'web',
      dataDir: await tempDir(),
      openExternal: async () => undefined,
      env: { EXOPEN_BACKEND_URL: 'https://exopen.example.invalid' },
    });
    try {
      const info = await runtime.handlers['app.info']({});
      expect(info.sandbox).toBe(false);
      const envelope = await dispatchCall(runtime.handlers, 'diagnose.reproduce', { operationId: randomUUID(), entryId: 'vitec.user-locked' }, createLogger('test'));
      expect(envelope).toMatchObject({ ok: false, error: { code: 'E_NOT_SANDBOX' } });
    } finally {
      await runtime.close();
    }
  });
});
