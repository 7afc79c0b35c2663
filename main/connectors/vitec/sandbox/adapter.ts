/** The Vitec simulator as the sandbox starts it: demo API users in wizard terms, the backend's company lister. */
import { adapt, withExpect, type SimulatorAdapter } from '../../../sandbox/simulators';
import { startVitecSimulator, type VitecSimulator } from './index';
import { vitecLister } from './lister';

export const simulator: SimulatorAdapter<VitecSimulator> = {
  async start({ latencyMs }) {
    const handle = await startVitecSimulator({ latencyMs });
    return adapt(
      handle,
      (scenario) => ({
        fields: { domain: scenario.credentials.domain, username: scenario.credentials.username, integrationId: scenario.credentials.integrationId },
        secrets: { password: scenario.credentials.password },
        ...withExpect('withoutIntegration', scenario.expectWithoutIntegration),
      }),
      // A Vitec installation is named by its domain, not a base URL: scenarios are tested in-process.
      { command: 'scenario', backend: () => ({ lister: vitecLister(handle.url) }) },
    );
  },
};
