/** The Procountor simulator as the sandbox starts it: demo API keys in wizard terms, the broker's token upstream. */
import { adapt, withExpect, type SimulatorAdapter } from '../../../sandbox/simulators';
import { startProcountorSimulator, type ProcountorSimulator } from './index';

export const simulator: SimulatorAdapter<ProcountorSimulator> = {
  async start({ latencyMs }) {
    const handle = await startProcountorSimulator({ latencyMs });
    return adapt(
      handle,
      (scenario) => ({
        fields: {},
        secrets: { apiKey: scenario.credentials.apiKey },
        ...withExpect('missing', scenario.expectMissing),
        ...(scenario.expectedCompany ? { swapFor: { ...scenario.expectedCompany } } : {}),
      }),
      {
        command: 'base-url',
        // The backend's broker exchanges API keys at the simulator's token endpoint with Exopen's client.
        backend: () => ({ upstream: { tokenUrl: `${handle.url}/oauth/token`, clientId: handle.partner.clientId, clientSecret: handle.partner.clientSecret } }),
      },
    );
  },
};
