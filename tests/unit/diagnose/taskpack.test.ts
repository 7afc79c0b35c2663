/**
 * The admin task pack: one self-contained, script-free HTML page per API-key system with the values to paste
 * and the menu paths from the descriptor's prerequisites, plus the failing checks' fixes when a Diagnosis is
 * given; vendor text is escaped and no secret ever appears.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_SEARCH_KEY } from '../../../main/connectors/netvisor';
import { createConnectors } from '../../../main/connectors/registry';
import { buildTaskPack, supportsTaskPack, writeTaskPack, BundleLeakError, RunSecrets } from '../../../main/diagnose';
import { renderMsg } from '../../../main/i18n';
import { canary, tempDir } from '../platform/support/canary';
import { contextFor, diagnoseScenario, startSimulators, type Simulators } from './support';

const selfContained = (html: string) => {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).not.toMatch(/<script|javascript:|<link|<iframe|<[^>]*\son[a-z]+=/i);
  expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  expect(html).toContain('@media print');
};

describe('admin task pack', () => {
  let sims: Simulators;
  beforeAll(async () => {
    sims = await startSimulators();
  });
  afterAll(() => sims.close());

  it('is offered for every API-key system', () => {
    expect(['netvisor', 'procountor', 'vitec'].every((system) => supportsTaskPack(system as 'netvisor'))).toBe(true);
  });

  it('Netvisor: the partner search key, every prerequisite, and each blocked resource with its fix', async () => {
    const run = await diagnoseScenario(sims, 'netvisor', 'two-blocked');
    const descriptor = createConnectors(contextFor(sims)).netvisor.descriptor;
    const html = buildTaskPack({ descriptor, diagnosis: run.diagnosis });
    selfContained(html);
    expect(html).toContain(PARTNER_SEARCH_KEY);
    for (const prerequisite of descriptor.prerequisites) expect(html).toContain(renderMsg(prerequisite.title).replace(/'/g, '&#39;'));
    expect(html).toContain('set Accounting ledger to Allowed');
    expect(html).toContain('set Sales invoice list to Allowed');
    expect(html).toContain('Visma Netvisor administrator');
    expect(html).not.toContain(sims.netvisor.scenarios.find((s) => s.id === 'two-blocked')!.credentials.customerKey);
    expect(html).not.toContain(sims.netvisor.partner.partnerKey);
  });

  it('Procountor: exopenClient and the rights to give; Vitec: the Integration ID and the companies to enable', async () => {
    const connectors = createConnectors(contextFor(sims));
    const procountor = await diagnoseScenario(sims, 'procountor', 'no-accounting-rights');
    const pc = buildTaskPack({ descriptor: connectors.procountor.descriptor, diagnosis: procountor.diagnosis });
    selfContained(pc);
    expect(pc).toContain('exopenClient');
    expect(pc).toContain('Accounting › Journal receipts');
    expect(pc).not.toContain(sims.procountor.scenarios.find((s) => s.id === 'no-accounting-rights')!.credentials.apiKey);

    const vitec = await diagnoseScenario(sims, 'vitec', 'integration-partial');
    const scenario = sims.vitec.scenarios.find((s) => s.id === 'integration-partial')!;
    const vt = buildTaskPack({ descriptor: connectors.vitec.descriptor, diagnosis: vitec.diagnosis });
    selfContained(vt);
    expect(vt).toContain(scenario.credentials.integrationId);
    const missing = vitec.diagnosis.results.find((result) => result.checkId === 'integration')!.rows.filter((row) => row.status !== 'allowed');
    expect(missing).toHaveLength(3);
    for (const row of missing) expect(vt).toContain(renderMsg(row.fix!).replace(/'/g, '&#39;'));
    expect(vt).not.toContain(scenario.credentials.password);
  });

  it('without a Diagnosis: the checklist alone, with the values known so far', () => {
    const descriptor = createConnectors(contextFor(sims)).vitec.descriptor;
    const html = buildTaskPack({ descriptor, fields: { integrationId: 'c3f1-known-id', domain: 'acme', password: 'never-shown-here' } });
    selfContained(html);
    expect(html).toContain('c3f1-known-id');
    expect(html).not.toContain('never-shown-here');
    expect(html).not.toContain('What the connection test found');
  });

  it("escapes the vendor's words: markup in an error text stays text", async () => {
    sims.netvisor.failNext('demo-healthy', { kind: 'error', code: 'SERVICE_ACCESS_ERROR', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' });
    const run = await diagnoseScenario(sims, 'netvisor', 'healthy');
    const html = buildTaskPack({ descriptor: createConnectors(contextFor(sims)).netvisor.descriptor, diagnosis: run.diagnosis });
    selfContained(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is written only when it holds none of the run’s secrets', async () => {
    const dir = await tempDir();
    const secrets = new RunSecrets();
    const secret = canary('pack');
    secrets.add(secret);
    await writeTaskPack(path.join(dir, 'ok.html'), '<!doctype html><p>fine</p>', secrets);
    expect(await readFile(path.join(dir, 'ok.html'), 'utf8')).toContain('fine');
    await expect(writeTaskPack(path.join(dir, 'bad.html'), `<p>${secret.toUpperCase()}</p>`, secrets)).rejects.toBeInstanceOf(BundleLeakError);
    expect((await import('node:fs')).existsSync(path.join(dir, 'bad.html'))).toBe(false);
  });
});
