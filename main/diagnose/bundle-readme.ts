/**
 * README.txt of a support bundle: what it contains, what was removed (counts only), and, plainly, what
 * redaction cannot promise, so whoever shares the bundle can decide with open eyes.
 */
import { msg } from '../connectors/types';
import { renderMsg } from '../i18n';
import type { BundleRedactions } from './bundle-json';
import type { Diagnosis } from './types';

export interface ReadmeFacts {
  readonly diagnosis: Diagnosis;
  readonly generatedAt: string;
  readonly redactions: BundleRedactions;
  readonly secretsTracked: number;
  readonly secretsUntracked: number;
}

const t = (key: string, params?: Record<string, string | number>): string => renderMsg(msg(`diagnose:bundle.readme.${key}`, params));
const heading = (title: string): string[] => ['', title, '-'.repeat(title.length)];
const items = (keys: ReadonlyArray<string>, params?: Record<string, string | number>): string[] => keys.map((key) => `- ${t(key, params)}`);

export function readmeText(facts: ReadmeFacts): string {
  const { diagnosis, redactions } = facts;
  const title = t('title');
  const lines = [
    title,
    '='.repeat(title.length),
    t('intro', { system: diagnosis.systemName, startedAt: diagnosis.startedAt, generatedAt: facts.generatedAt, version: diagnosis.appVersion }),
    ...heading(t('contentsTitle')),
    ...items(['files.bundle', 'files.manifest', 'files.readme']),
    ...heading(t('removedTitle')),
    ...items(['removed.allowlist', 'removed.noSecrets']),
    `- ${t('removed.byKey', { count: redactions.byKey.count })}`,
    `- ${t('removed.byValue', { count: diagnosis.redactedValues + redactions.byValue })}`,
    `- ${t('removed.tracked', { count: facts.secretsTracked })}`,
    ...(facts.secretsUntracked > 0 ? [`- ${t('removed.untracked', { count: facts.secretsUntracked })}`] : []),
    `- ${t('removed.scan')}`,
    ...heading(t('limitsTitle')),
    ...items(['limits.unknown', 'limits.transformed', 'limits.short', 'limits.vendorTexts', 'limits.personal']),
    ...heading(t('shareTitle')),
    t('share'),
  ];
  return `${lines.join('\n')}\n`;
}
