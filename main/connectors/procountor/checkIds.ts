/**
 * The Procountor checks, in run order, and what each one needs to have passed first. Ids are stable: the
 * UI, re-runs (`only`) and support bundles refer to them. `data` and `documents` need only `identity`, so a
 * rights gap in one area does not hide an empty ledger or Documents being off.
 */
export const CHECK_IDS = ['token', 'identity', 'rights', 'data', 'documents'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const DEPENDS_ON: { readonly [K in CheckId]: CheckId | undefined } = {
  token: undefined,
  identity: 'token',
  rights: 'identity',
  data: 'identity',
  documents: 'identity',
};

/** Checks whose matrix rows can be re-run one by one (`rights:ledgerReceipts`). */
export const ROW_CHECKS = ['rights', 'data'] as const;
export type RowCheckId = (typeof ROW_CHECKS)[number];

export const isCheckId = (value: string): value is CheckId => (CHECK_IDS as ReadonlyArray<string>).includes(value);
export const isRowCheckId = (value: string): value is RowCheckId => (ROW_CHECKS as ReadonlyArray<string>).includes(value);
