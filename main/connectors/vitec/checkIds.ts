/** The Vitec checks, in run order, and what each one needs to have passed first. Ids are stable. */
export const CHECK_IDS = ['domain', 'login', 'companies', 'integration'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const DEPENDS_ON: { readonly [K in CheckId]: CheckId | undefined } = {
  domain: undefined,
  login: 'domain',
  companies: 'login',
  integration: 'companies',
};

export const isCheckId = (value: string): value is CheckId => (CHECK_IDS as ReadonlyArray<string>).includes(value);
