/**
 * The admin task pack: a self-contained HTML checklist for whoever administers the vendor side (Netvisor
 * user administrator, Procountor administrator, Vitec administrator), with the values to paste and the menu
 * paths, built from the descriptor's "before you start" prerequisites and, when a Diagnosis is given, the
 * fixes of the checks that failed. It never contains a secret: values come only from fields the descriptor
 * declares non-secret, and the finished page is scrubbed with the process-wide redactor as well.
 * The desktop app also prints it to PDF (diagnose.taskPackPdf → main/electron/pdf.ts, Electron's printToPDF).
 */
import { msg, type FailureKind, type Msg, type SystemDescriptor, type SystemId } from '../connectors/types';
import { SYSTEMS } from '../connectors/registry';
import { renderMsg } from '../i18n';
import { redactText } from '../platform/redact';
import { APP_VERSION } from '../platform/version';
import { escapeHtml, link, page } from './taskpack-html';
import type { DiagnosedResult, Diagnosis } from './types';

/** Systems whose vendor-side work is done by an admin who may not run the app (each says so in its system.ts). */
export const TASK_PACK_SYSTEMS: ReadonlyArray<SystemId> = SYSTEMS.filter((system) => system.taskPack).map((system) => system.id);
export const supportsTaskPack = (system: SystemId): boolean => TASK_PACK_SYSTEMS.includes(system);

/** Rows listed per failing check before "and N more" (a 500-company Vitec list must stay printable). */
const MAX_ROWS = 40;

export interface TaskPackInput {
  readonly descriptor: SystemDescriptor;
  /** Known non-secret values (e.g. the Integration ID); defaults to the Diagnosis's settings. */
  readonly fields?: Readonly<Record<string, string>>;
  readonly diagnosis?: Diagnosis;
  readonly now?: () => Date;
}

const t = (key: string, params?: Record<string, string | number>): string => renderMsg(msg(`diagnose:taskPack.${key}`, params));
const html = (message: Msg): string => escapeHtml(renderMsg(message));

function valuesSection(descriptor: SystemDescriptor, fields: Readonly<Record<string, string>>): string[] {
  const rows: Array<{ label: string; value: string; help?: string }> = [];
  for (const field of descriptor.fields) {
    const value = field.kind === 'fixed' ? field.fixedValue : field.kind === 'text' && field.id !== 'baseUrl' ? fields[field.id] : undefined;
    if (value) rows.push({ label: renderMsg(field.label), value, ...(field.help ? { help: renderMsg(field.help) } : {}) });
  }
  for (const prerequisite of descriptor.prerequisites) {
    if (prerequisite.copyValue && !rows.some((row) => row.value === prerequisite.copyValue)) rows.push({ label: renderMsg(prerequisite.title), value: prerequisite.copyValue });
  }
  if (rows.length === 0) return [];
  const body = rows.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td><span class="value">${escapeHtml(row.value)}</span>${row.help ? `<br><span class="meta">${escapeHtml(row.help)}</span>` : ''}</td></tr>`);
  return [`<h2>${escapeHtml(t('valuesTitle'))}</h2>`, '<table>', ...body, '</table>'];
}

function failingItem(result: DiagnosedResult, vendorName: string): string {
  const who = result.kind ? `<span class="who">${escapeHtml(t(`who.${result.kind satisfies FailureKind}`, { vendor: vendorName }))}</span>` : '';
  const failingRows = result.rows.filter((row) => row.status !== 'allowed' && row.fix);
  const listed = failingRows.slice(0, MAX_ROWS).map((row) => `<li><strong>${html(row.label)}</strong>: ${html(row.fix!)}</li>`);
  const more = failingRows.length > MAX_ROWS ? [`<li>${escapeHtml(t('moreRows', { count: failingRows.length - MAX_ROWS }))}</li>`] : [];
  return [
    `<li><strong>${html(result.title)}</strong>${who}<br>${html(result.summary)}`,
    result.meaning ? `<p>${escapeHtml(t('meaning'))} ${html(result.meaning)}</p>` : '',
    result.fix ? `<p>${escapeHtml(t('fix'))} ${html(result.fix)}</p>` : '',
    listed.length > 0 ? `<ul class="rows">${[...listed, ...more].join('')}</ul>` : '',
    result.vendor ? `<p class="vendor">${escapeHtml(t('vendorSaid', { vendor: vendorName }))} <code>${escapeHtml(result.vendor.text)}</code></p>` : '',
    '</li>',
  ].join('');
}

/** `2026-05-01 10:00 UTC`: a printed page wants a readable time, not an ISO timestamp. */
const readable = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function findingsSection(diagnosis: Diagnosis | undefined, vendorName: string): string[] {
  if (!diagnosis) return [];
  const date = readable(diagnosis.startedAt);
  const failing = diagnosis.results.filter((result) => result.outcome === 'failed' || result.outcome === 'warning');
  if (failing.length === 0) return [`<h2>${escapeHtml(t('findingsTitle'))}</h2>`, `<p>${escapeHtml(t('allPassed', { date }))}</p>`];
  return [`<h2>${escapeHtml(t('findingsTitle'))}</h2>`, `<p>${escapeHtml(t('findingsIntro', { date }))}</p>`, '<ol class="checklist">', ...failing.map((result) => failingItem(result, vendorName)), '</ol>'];
}

function stepsSection(descriptor: SystemDescriptor): string[] {
  const steps = descriptor.prerequisites.map((prerequisite) =>
    [
      `<li><strong>${html(prerequisite.title)}</strong><p>${html(prerequisite.body)}</p>`,
      prerequisite.link ? `<p>${link(prerequisite.link, t('guide'))}</p>` : '',
      '</li>',
    ].join(''),
  );
  return [`<h2>${escapeHtml(t('stepsTitle', { system: descriptor.name }))}</h2>`, '<ol class="checklist">', ...steps, '</ol>'];
}

/** The task pack as one HTML document (UTF-8, no scripts, inline CSS). */
export function buildTaskPack(input: TaskPackInput): string {
  const { descriptor, diagnosis } = input;
  const fields = input.fields ?? diagnosis?.environment.settings ?? {};
  const title = t('title', { system: descriptor.name });
  const generated = (input.now?.() ?? new Date()).toISOString().slice(0, 10);
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(t(descriptor.vendor === descriptor.name ? 'forSame' : 'for', { vendor: descriptor.vendor, system: descriptor.name }))} ${escapeHtml(t('prepared', { date: generated, version: diagnosis?.appVersion ?? APP_VERSION }))}</p>`,
    `<p>${html(descriptor.summary)}</p>`,
    ...valuesSection(descriptor, fields),
    ...findingsSection(diagnosis, descriptor.name),
    ...stepsSection(descriptor),
    `<footer><p>${escapeHtml(t('done'))}</p><p>${escapeHtml(t('noSecrets'))}</p></footer>`,
  ];
  return redactText(page(title, body));
}
