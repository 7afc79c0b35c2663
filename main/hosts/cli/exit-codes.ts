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

/**
 * `diagnose` asks "is anything wrong?", not "can it be connected?": a warning that someone on the customer's
 * side must act on (the Vitec integration missing for some companies, Documents off) is exit 2 there, while
 * `test` still exits 0 for it. A vendor that could not be reached still wins.
 */
export function diagnoseExitCode(report: CheckReport): number {
  const verdict = exitCodeOf(report);
  if (verdict !== EXIT.healthy) return verdict;
  const mustAct = report.results.some((result) => result.status === 'warning' && result.kind !== 'unreachable');
  return mustAct ? EXIT.customerMustAct : EXIT.healthy;
}
