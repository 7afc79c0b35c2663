/** The Netvisor simulator as the sandbox starts it: demo credentials in wizard terms, the backend's partner key and runner. */
import { adapt, withExpect, type SimulatorAdapter } from '../../../sandbox/simulators';
import { startNetvisorSimulator, type NetvisorSimulator } from './index';
import { netvisorRunner } from './runner';

export const simulator: SimulatorAdapter<NetvisorSimulator> = {
  async start({ latencyMs }) {
    const handle = await startNetvisorSimulator({ latencyMs });
    return adapt(
      handle,
      (scenario) => ({
        fields: { companyName: scenario.title, businessId: scenario.credentials.businessId, customerId: scenario.credentials.customerId },
        secrets: { customerKey: scenario.credentials.customerKey },
        ...withExpect('blocked', scenario.expectBlocked),
      }),
      {
        command: 'base-url',
        // The backend's broker signs with the simulator's partner key; its initial run reads the simulator.
        backend: () => ({ partners: { netvisor: handle.partner }, runner: netvisorRunner(handle.url, handle.partner) }),
      },
    );
  },
};
