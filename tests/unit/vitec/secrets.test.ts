/** The password never appears in reports, events, the request log, errors or anything we keep. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVitecConnector, probeCompany } from '../../../main/connectors/vitec';
import { startVitecSimulator, type VitecSimulator } from '../../../main/connectors/vitec/sandbox';
import { collectEvents, contextFor, inputFor } from './helpers';

let simulator: VitecSimulator;
beforeAll(async () => {
  simulator = await startVitecSimulator();
});
afterAll(() => simulator.close());

describe('Vitec secrets', () => {
  it('no scenario leaks the password (or its Basic form) into what the run produces', async () => {
    for (const info of simulator.scenarios) {
      const ctx = contextFor(simulator.url);
      const { events, onEvent } = collectEvents();
      const input = inputFor(info);
      const report = await createVitecConnector(ctx).runChecks(input, { onEvent });
      const probe = await probeCompany(ctx, input, '1001');
      const basic = Buffer.from(`${info.credentials.username}:${info.credentials.password}`, 'utf8').toString('base64');
      const produced = JSON.stringify({ report, events, requests: ctx.requests, probe });
      expect(produced).not.toContain(info.credentials.password);
      expect(produced).not.toContain(basic);
    }
  });

  it('the handoff config is the one place the password goes, as a secret', () => {
    const info = simulator.scenarios[0]!;
    const config = createVitecConnector(contextFor(simulator.url)).buildConfig(inputFor(info), []);
    expect(config.secrets).toEqual({ password: info.credentials.password });
    expect(JSON.stringify(config.settings)).not.toContain(info.credentials.password);
  });
});
