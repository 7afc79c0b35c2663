import { describe, expect, it } from 'vitest';
import { ExopenError, toDataSourceStatus, type ExopenErrorCode } from '../../../main/exopen';
import type { Msg } from '../../../main/connectors/types';
import locale from '../../../resources/locales/en/exopen.json';

type Tree = { readonly [key: string]: string | Tree };

/** The English text of an `exopen:` Msg with its {{params}} filled; throws when a key or a param is missing. */
function render(message: Msg): string {
  const [namespace, path] = message.key.split(':') as [string, string];
  if (namespace !== 'exopen') throw new Error(`not an exopen key: ${message.key}`);
  const template = path.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), locale as Tree);
  if (typeof template !== 'string') throw new Error(`missing English text for ${message.key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = message.params?.[name];
    if (value === undefined) throw new Error(`${message.key} needs {{${name}}}`);
    return String(value);
  });
}

const codes: ReadonlyArray<ExopenErrorCode> = ['validation', 'unauthorized', 'forbidden', 'not-found', 'exists', 'not-configured', 'upstream', 'conflict', 'unavailable', 'network', 'protocol'];

describe('every message the Exopen client produces has English text', () => {
  it('covers each error code and its variants', () => {
    const errors = [
      ...codes.map((code) => new ExopenError(code, 'x')),
      new ExopenError('exists', 'x', { dataSourceId: 'ds_1' }),
      new ExopenError('unavailable', 'x', { retryAfterMs: 5000 }),
      new ExopenError('upstream', 'x', { upstream: { status: 401, error: 'invalid_grant' } }),
      ...(['dns', 'refused', 'timeout', 'reset', 'tls', 'aborted', 'other'] as const).map((failure) => new ExopenError('network', 'x', { failure })),
    ];
    for (const error of errors) expect(() => render(error.msg), `${error.code}`).not.toThrow();
    expect(render(new ExopenError('upstream', 'x', { upstream: { status: 401, errorDescription: 'Old refresh token used.' } }).msg)).toMatch(/HTTP 401\): Old refresh token used/);
  });

  it('covers each fix of a failed run', () => {
    const base = { id: 'ds_1', domainId: 'd', system: 'netvisor' as const, displayName: 'A', credentialLabel: 'l', settings: {}, secretFields: [], companies: [], createdAt: '2026-01-01T00:00:00Z' };
    for (const error of [{ message: 'm', code: 'credentials-lost' }, { message: 'm', code: 'runner-error' }, { message: 'm', resource: 'accounts' }, { message: 'm', code: 'superseded' }]) {
      const status = toDataSourceStatus({ ...base, initialRun: { status: 'failed', progress: 1, resources: [], error } });
      expect(() => render(status.error?.fix ?? { key: 'exopen:missing' })).not.toThrow();
    }
  });
});
