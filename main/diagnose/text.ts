/**
 * A Diagnosis as terminal text: each check with its outcome, the vendor's words verbatim, what they mean,
 * the fix and the known problem it matches; then the known problems in full and the request timeline.
 */
import { msg, type Msg, type VendorText } from '../connectors/types';
import { renderMsg } from '../i18n';
import { oneLine } from '../platform/terminal-text';
import type { DiagnosedResult, DiagnosedRow, Diagnosis, KnownProblem, TimelineEntry } from './types';

const MARK: Readonly<Record<string, string>> = { passed: '✔', warning: '!', failed: '✘', skipped: '–', allowed: '✔', blocked: '✘', unavailable: '∅', error: '✘' };

/** One of our Msgs, whose params may quote the vendor: one inert line. */
const say = (message: Msg): string => oneLine(renderMsg(message));
const t = (key: string, params?: Record<string, string | number>): string => renderMsg(msg(`diagnose:text.${key}`, params));
/** The vendor's words verbatim but inert: one line, control characters shown as escapes. */
const vendorLine = (vendor: VendorText): string => `${oneLine(vendor.text)}${vendor.httpStatus ? ` (HTTP ${vendor.httpStatus})` : ''}`;

function explanation(indent: string, item: { readonly vendor?: VendorText; readonly meaning?: Msg; readonly fix?: Msg; readonly entries: ReadonlyArray<string> }): string[] {
  return [
    ...(item.vendor ? [`${indent}${t('vendorSaid')} ${vendorLine(item.vendor)}`] : []),
    ...(item.meaning ? [`${indent}${t('meaning')} ${say(item.meaning)}`] : []),
    ...(item.fix ? [`${indent}${t('fix')} ${say(item.fix)}`] : []),
    ...(item.entries.length > 0 ? [`${indent}${t('knownProblem')} ${item.entries.join(', ')}`] : []),
  ];
}

const rowLines = (row: DiagnosedRow): string[] =>
  row.status === 'allowed' ? [`    ${MARK.allowed} ${say(row.label)}`] : [`    ${MARK[row.status]} ${say(row.label)}: ${row.status}`, ...explanation('        ', row)];

const resultLines = (result: DiagnosedResult): string[] => [
  `${MARK[result.outcome]} ${say(result.title)} — ${say(result.summary)}`,
  ...explanation('    ', result),
  ...result.rows.flatMap(rowLines),
];

const problemLines = (problem: KnownProblem): string[] => [
  `[${problem.id}] ${say(problem.symptom)}`,
  `    ${t('detection')} ${say(problem.detection)}`,
  `    ${t('meaning')} ${say(problem.meaning)}`,
  `    ${t('fix')} ${say(problem.fix)}`,
  ...(problem.rowIds.length > 0 ? [`    ${t('seenIn')} ${problem.rowIds.join(', ')}`] : []),
];

const requestLine = (entry: TimelineEntry): string =>
  `  +${entry.atMs}ms ${entry.method} ${oneLine(entry.url)} → ${oneLine(String(entry.status ?? entry.error ?? '?'))} (${entry.durationMs} ms${entry.checkId ? `, ${entry.checkId}` : ''})`;

export function renderDiagnosis(diagnosis: Diagnosis): string {
  const lines = [
    t('heading', { system: diagnosis.systemName, startedAt: diagnosis.startedAt, version: diagnosis.appVersion }),
    '',
    ...diagnosis.results.flatMap(resultLines),
    '',
    diagnosis.knownProblems.length > 0 ? t('knownProblemsTitle') : t('noKnownProblems'),
    ...diagnosis.knownProblems.flatMap(problemLines),
    '',
    t('timelineTitle', { count: diagnosis.timeline.length }),
    ...diagnosis.timeline.map(requestLine),
    '',
    t('overall', { overall: diagnosis.overall }),
  ];
  return lines.join('\n');
}
