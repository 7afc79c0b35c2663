/** Human-readable output of a check report for the terminal. */
import type { CheckReport, CheckResult, MatrixRow, VendorText } from '../../connectors/types';
import { renderMsg } from '../../i18n';

const MARK: Record<CheckResult['status'] | MatrixRow['status'], string> = {
  passed: '✔',
  warning: '!',
  failed: '✘',
  skipped: '–',
  allowed: '✔',
  blocked: '✘',
  unavailable: '∅',
  error: '✘',
};

export function renderReport(report: CheckReport, titleOf: (checkId: string) => string): string {
  const lines: string[] = [];
  for (const result of report.results) {
    lines.push(`${MARK[result.status]} ${titleOf(result.checkId)} — ${renderMsg(result.summary)}`);
    if (result.status === 'failed' || result.status === 'warning') {
      if (result.vendor) lines.push(`    Vendor said: ${vendorLine(result.vendor)}`);
      lines.push(`    What it means: ${renderMsg(result.meaning)}`, `    How to fix it: ${renderMsg(result.fix)}`);
    }
    for (const row of result.status === 'skipped' ? [] : (result.rows ?? [])) {
      lines.push(`    ${MARK[row.status]} ${renderMsg(row.label)}: ${row.status}`);
      if (row.status !== 'allowed') {
        if (row.vendor) lines.push(`        Vendor said: ${vendorLine(row.vendor)}`);
        lines.push(`        Fix: ${renderMsg(row.fix)}`);
      }
    }
  }
  lines.push('', `Overall: ${report.overall} (${report.requestCount} requests)`);
  return lines.join('\n');
}

/** The vendor's text verbatim (it already carries the code, e.g. `SERVICE_ACCESS_ERROR :: …`), with the HTTP status. */
const vendorLine = (vendor: VendorText) => `${vendor.text}${vendor.httpStatus ? ` (HTTP ${vendor.httpStatus})` : ''}`;
