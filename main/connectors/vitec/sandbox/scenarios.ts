/**
 * Named demo installations. Each scenario is its own Vitec domain with its own API user, so one simulator
 * serves all of them at once (tests, the demo and support training pick a scenario by its credentials).
 * Positions below are 1-based company positions; company ids are 1000 + position.
 */
export type UserState = 'active' | 'locked' | 'expired';

export interface ScenarioSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly domain: string;
  readonly username: string;
  /** The password the simulator holds for the user. */
  readonly password: string;
  /** The password handed out as demo credentials, when it deliberately differs (wrong-password). */
  readonly demoPassword?: string;
  /** The installation's Exopen integration. */
  readonly integrationId: string;
  /** The Integration ID handed out, when it deliberately differs (unknown-integration). */
  readonly demoIntegrationId?: string;
  readonly user?: UserState;
  readonly companyCount: number;
  readonly inactive?: ReadonlyArray<number>;
  readonly withoutIntegration?: ReadonlyArray<number>;
  readonly failing?: ReadonlyArray<number>;
  /** Varies names and organisation numbers between installations. */
  readonly seed: number;
  /** False: no installation answers to this domain (a typo, or an installation that does not exist). */
  readonly installed?: boolean;
  /** Every connection to this installation is closed without an answer (a firewall or proxy cutting it). */
  readonly dropConnections?: boolean;
}

const every = (step: number, count: number): number[] => Array.from({ length: Math.floor(count / step) }, (_, i) => (i + 1) * step);
const integrationId = (n: number) => `c3f1a2d4-7b6e-4e0a-9d51-${String(n).padStart(12, '0')}`;

export const SCENARIOS: ReadonlyArray<ScenarioSpec> = [
  {
    id: 'healthy', title: 'Healthy installation', seed: 1,
    description: '40 companies, 5 of them inactive; the Exopen integration is enabled for all of them.',
    domain: 'demo-healthy', username: 'exopen.api', password: 'Sjöbod-4711!', integrationId: integrationId(1),
    companyCount: 40, inactive: every(8, 40),
  },
  {
    id: 'integration-partial', title: 'Integration missing for 3 companies', seed: 2,
    description: 'The Exopen integration is not enabled for 3 of 40 companies: their first import works, later changes never arrive.',
    domain: 'demo-partial', username: 'exopen.api', password: 'Partial-2291', integrationId: integrationId(2),
    companyCount: 40, inactive: every(8, 40), withoutIntegration: [7, 19, 33],
  },
  {
    id: 'unknown-integration', title: 'Unknown Integration ID', seed: 3,
    description: 'The Integration ID given is not registered in this installation (copied from another installation, or mistyped).',
    domain: 'demo-unknown-integration', username: 'exopen.api', password: 'Unknown-8812', integrationId: integrationId(3),
    demoIntegrationId: 'c3f1a2d4-7b6e-4e0a-9d51-999999999999', companyCount: 6,
  },
  {
    id: 'locked-user', title: 'API user locked', seed: 4,
    description: 'Vitec has locked the API user (e.g. after too many failed sign-ins); the password is right.',
    domain: 'demo-locked', username: 'exopen.api', password: 'Locked-5530', integrationId: integrationId(4), user: 'locked', companyCount: 6,
  },
  {
    id: 'expired-password', title: 'Password expired', seed: 5,
    description: "The API user's password has expired in Vitec.",
    domain: 'demo-expired', username: 'exopen.api', password: 'Expired-1207', integrationId: integrationId(5), user: 'expired', companyCount: 6,
  },
  {
    id: 'wrong-password', title: 'Wrong password', seed: 6,
    description: 'The password given does not belong to the username (a typo or an old password).',
    domain: 'demo-wrong-password', username: 'exopen.api', password: 'Right-6604', demoPassword: 'Rigth-6604', integrationId: integrationId(6), companyCount: 6,
  },
  {
    id: 'no-companies', title: 'User reaches no company', seed: 7,
    description: 'The sign-in works, but the API user has not been given access to any company.',
    domain: 'demo-no-companies', username: 'exopen.api', password: 'Empty-3141', integrationId: integrationId(7), companyCount: 0,
  },
  {
    id: 'all-inactive', title: 'Every company inactive', seed: 8,
    description: 'The API user reaches 4 companies, all inactive: the list looks empty unless Show inactive is on.',
    domain: 'demo-all-inactive', username: 'exopen.api', password: 'Inactive-2718', integrationId: integrationId(8), companyCount: 4, inactive: [1, 2, 3, 4],
  },
  {
    id: 'company-fails', title: 'A company that fails to connect', seed: 9,
    description: 'Everything checks out, but company 1005 cannot be opened: reading it fails (for the bulk connect).',
    domain: 'demo-company-fails', username: 'exopen.api', password: 'Flaky-1618', integrationId: integrationId(9), companyCount: 12, failing: [5],
  },
  {
    id: 'large', title: '500 companies', seed: 10,
    description: 'An accounting firm with 500 companies (20 inactive), integration enabled for all; for the bench.',
    domain: 'demo-large', username: 'exopen.api', password: 'Large-0500', integrationId: integrationId(10), companyCount: 500, inactive: every(25, 500),
  },
  {
    id: 'unknown-domain', title: 'Domain does not exist', seed: 11,
    description: 'The domain given is not a Vitec Ekonomi installation (a typo, or the customer gave another address).',
    domain: 'demo-no-such-installation', username: 'exopen.api', password: 'Nowhere-0404', integrationId: integrationId(11), companyCount: 0, installed: false,
  },
  {
    id: 'connection-dropped', title: 'Connection cut', seed: 12,
    description: 'Something between this computer and the installation (a firewall, a proxy) closes every connection before an answer arrives.',
    domain: 'demo-dropped', username: 'exopen.api', password: 'Dropped-5150', integrationId: integrationId(12), companyCount: 6, dropConnections: true,
  },
];
