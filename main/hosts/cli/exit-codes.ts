import type { CheckReport } from '../../connectors/types';

/** Exit codes scripts can rely on (documented in docs/cli.md). */
export const EXIT = {
  healthy: 0,
  usage: 1,
  customerMustAct: 2,
  vendorUnreachable: 3,
} as const;

/** Unreachable wins over customer action: nothing the customer does helps until the vendor answers. */
export function exitCodeOf(report: CheckReport): number {
  const failures = report.results.filter((result) => result.status === 'failed');
  if (failures.some((result) => result.status === 'failed' && result.kind === 'unreachable')) return EXIT.vendorUnreachable;
  return failures.length > 0 ? EXIT.customerMustAct : EXIT.healthy;
}
