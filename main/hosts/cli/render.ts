/**
 * Human-readable output of a check report for the terminal. Every text that may carry what a vendor sent
 * (its words, or a Msg whose params quote it) is made one inert line here (platform/terminal-text.ts), and
 * output.ts makes the whole output inert once more on its way out.
 */
import type { CheckReport, CheckResult, Msg, MatrixRow, VendorText } from '../../connectors/types';
import { renderMsg } from '../../i18n';
import { oneLine } from '../../platform/terminal-text';

const say = (message: Msg): string => oneLine(renderMsg(message));

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
    lines.push(`${MARK[result.status]} ${titleOf(result.checkId)} — ${say(result.summary)}`);
    if (result.status === 'failed' || result.status === 'warning') {
      if (result.vendor) lines.push(`    Vendor said: ${vendorLine(result.vendor)}`);
      lines.push(`    What it means: ${say(result.meaning)}`, `    How to fix it: ${say(result.fix)}`);
    }
    for (const row of result.status === 'skipped' ? [] : (result.rows ?? [])) {
      lines.push(`    ${MARK[row.status]} ${say(row.label)}: ${row.status}`);
      if (row.status !== 'allowed') {
        if (row.vendor) lines.push(`        Vendor said: ${vendorLine(row.vendor)}`);
        lines.push(`        Fix: ${say(row.fix)}`);
      }
    }
  }
  lines.push('', `Overall: ${report.overall} (${report.requestCount} requests)`);
  return lines.join('\n');
}

/** The vendor's text verbatim (it already carries the code, e.g. `SERVICE_ACCESS_ERROR :: …`), with the HTTP status. */
const vendorLine = (vendor: VendorText) => `${oneLine(vendor.text)}${vendor.httpStatus ? ` (HTTP ${vendor.httpStatus})` : ''}`;
