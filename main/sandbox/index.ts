/**
 * The whole sandbox: every vendor simulator plus the sandbox Exopen backend, on 127.0.0.1. The assistant
 * uses it by default (nothing leaves the machine); tests, the demo and support training use its named
 * scenarios, each with its own demo credentials so one sandbox serves them all at once.
 */
import type { SystemId } from '../connectors/types';
import { startExopenSandbox } from './exopen';
import { startNetvisorSimulator, type NetvisorSimulator } from './netvisor';
import { createVendorRunner } from './runner';

export interface SandboxScenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Non-secret wizard fields for this scenario's demo credential. */
  readonly fields: Readonly<Record<string, string>>;
  /** Secret wizard fields (demo values, safe to print). */
  readonly secrets: Readonly<Record<string, string>>;
  readonly expectBlocked?: ReadonlyArray<string>;
}

export interface SandboxDescription {
  readonly backend: { readonly url: string; readonly token: string };
  readonly simulators: Readonly<Partial<Record<SystemId, string>>>;
  readonly partner: Readonly<Partial<Record<SystemId, Readonly<Record<string, string>>>>>;
  readonly scenarios: Readonly<Record<string, ReadonlyArray<SandboxScenario & { readonly env: Record<string, string>; readonly command: string }>>>;
}

export interface Sandbox {
  readonly urls: Partial<Record<SystemId, string>>;
  readonly backend: { readonly url: string; readonly token: string };
  readonly partnerCredentials: Partial<Record<SystemId, Record<string, string>>>;
  readonly scenarios: Partial<Record<SystemId, ReadonlyArray<SandboxScenario>>>;
  readonly netvisor: NetvisorSimulator;
  describe(): SandboxDescription;
  close(): Promise<void>;
}

export async function startSandbox(options: { dataDir: string; latencyMs?: number }): Promise<Sandbox> {
  const netvisor = await startNetvisorSimulator({ latencyMs: options.latencyMs ?? 0 });
  const urls = { netvisor: netvisor.url };
  const partnerCredentials = { netvisor: { partnerId: netvisor.partner.partnerId, partnerKey: netvisor.partner.partnerKey } };
  const backend = await startExopenSandbox({
    dataDir: options.dataDir,
    runner: createVendorRunner({ sandboxUrls: urls, partnerCredentials }),
  });
  const scenarios = {
    netvisor: netvisor.scenarios.map(
      (scenario): SandboxScenario => ({
        id: scenario.id,
        title: scenario.title,
        description: scenario.description,
        fields: { companyName: scenario.title, businessId: scenario.credentials.businessId, customerId: scenario.credentials.customerId },
        secrets: { customerKey: scenario.credentials.customerKey },
        ...(scenario.expectBlocked ? { expectBlocked: scenario.expectBlocked } : {}),
      }),
    ),
  };

  return {
    urls,
    backend: { url: backend.url, token: backend.token },
    partnerCredentials,
    scenarios,
    netvisor,
    describe: () => ({
      backend: { url: backend.url, token: backend.token },
      simulators: urls,
      partner: partnerCredentials,
      scenarios: {
        netvisor: scenarios.netvisor.map((scenario) => ({
          ...scenario,
          env: {
            NETVISOR_CUSTOMER_KEY: scenario.secrets.customerKey!,
            NETVISOR_PARTNER_ID: partnerCredentials.netvisor.partnerId,
            NETVISOR_PARTNER_KEY: partnerCredentials.netvisor.partnerKey,
          },
          command: `exopen-connect test netvisor --base-url ${netvisor.url} --business-id ${scenario.fields.businessId} --customer-id ${scenario.fields.customerId} --company-name "${scenario.fields.companyName}"`,
        })),
      },
    }),
    async close() {
      await backend.close();
      await netvisor.close();
    },
  };
}
