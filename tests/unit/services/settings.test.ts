/**
 * Environment settings through the runtime: what the sandbox reports, how a custom backend address is
 * validated, that a change waits for a restart (`active: false`), and that a restarted assistant on the
 * same data dir uses the stored signers: local partner keys (the sandbox's) sign Netvisor requests and
 * exchange Procountor keys without an Exopen session.
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { procountorScenario, runChecks } from './flows';
import { fillScenario, startRuntime, tempDir, type Harness } from './support';

describe('environment settings through the runtime', () => {
  let h: Harness | undefined;
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await h?.stop();
    h = undefined;
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  it('reports the running sandbox with broker signers, active', async () => {
    h = await startRuntime();
    const settings = await h.ok('settings.get', {});
    expect(settings).toEqual({
      environment: 'sandbox',
      url: h.sandbox.backend.url,
      signers: { netvisor: 'broker', procountor: 'broker', vitec: 'broker' },
      active: true,
    });
  });

  it('refuses a custom backend without an address, or over http off this machine, naming url', async () => {
    h = await startRuntime();
    for (const change of [{ environment: 'custom' as const }, { environment: 'custom' as const, url: 'http://example.com' }]) {
      const error = await h.fail('settings.set', change);
      expect(error.code).toBe('E_INVALID_FIELDS');
      expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(['url']);
    }
    expect(await h.ok('settings.get', {})).toMatchObject({ environment: 'sandbox', active: true });
  });

  it('saves a custom https backend, to apply after a restart', async () => {
    h = await startRuntime();
    const saved = await h.ok('settings.set', { environment: 'custom', url: 'https://exopen.example.com' });
    expect(saved).toMatchObject({ environment: 'custom', url: 'https://exopen.example.com', active: false });
    expect(await h.ok('settings.get', {})).toEqual(saved);
    // The running assistant still talks to the sandbox until it restarts.
    expect((await h.ok('app.info', {})).backend).toEqual({ environment: 'sandbox', url: h.sandbox.backend.url });
  });

  it('local signers wait for a restart; restarted, Netvisor and Procountor checks pass signed out', async () => {
    const dataDir = await tempDir();
    const sandbox: Sandbox = await startSandbox({ dataDir });
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => sandbox.close());

    const first = await startRuntime({ dataDir, sandbox });
    const saved = await first.ok('settings.set', { environment: 'sandbox', signers: { netvisor: 'local', procountor: 'local', vitec: 'local' } });
    expect(saved).toMatchObject({ environment: 'sandbox', signers: { netvisor: 'local', procountor: 'local', vitec: 'local' }, active: false });
    await first.stop();

    h = await startRuntime({ dataDir, sandbox, signedIn: false });
    expect(await h.ok('auth.status', {})).toMatchObject({ signedIn: false });
    expect(await h.ok('settings.get', {})).toMatchObject({ environment: 'sandbox', signers: { netvisor: 'local', procountor: 'local' }, active: true });

    const { draft } = await fillScenario(h, 'healthy');
    expect((await runChecks(h, draft.id)).overall).toBe('passed');

    const procountor = await h.ok('drafts.start', { system: 'procountor' });
    await h.ok('secrets.put', { draftId: procountor.id, field: 'apiKey', value: procountorScenario(sandbox, 'healthy').secrets.apiKey! });
    await h.ok('drafts.save', { id: procountor.id, step: 'credentials', fields: { environment: 'sandbox' }, selectedCompanies: [] });
    expect((await runChecks(h, procountor.id)).overall).toBe('passed');
  });
});
