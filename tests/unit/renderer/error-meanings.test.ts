/**
 * The renderer's one table of what each error code means (renderer/src/errors.ts): it covers exactly the
 * contract's codes, the special cases the UI derives from it are the ones it had as separate lists before,
 * and the locale texts it points at exist (and no others under those keys).
 */
import { describe, expect, it } from 'vitest';
import { BridgeCallError } from '../../../preload/bridge';
import { ERROR_CODES, type ErrorCode } from '../../../preload/contract';
import { ERROR_MEANINGS, codesWhere, meaningOf, type ErrorKind } from '../../../renderer/src/errors';
import { handoffProblem } from '../../../renderer/src/steps/handoff/handoffProblem';
import { isSessionEnded, toUiError } from '../../../renderer/src/store/api';
import app from '../../../resources/locales/en/app.json';

const sorted = (codes: ReadonlyArray<string>): string[] => [...codes].sort();
const ofKind = (kind: ErrorKind): string[] => sorted(codesWhere((meaning) => meaning.kind === kind));

describe('the error table', () => {
  it('has exactly one entry per code of the contract', () => {
    expect(sorted(Object.keys(ERROR_MEANINGS))).toEqual(sorted(ERROR_CODES));
  });

  it('derives the special cases the UI had as lists', () => {
    expect(ofKind('session')).toEqual(['E_AUTH_REQUIRED', 'E_EXOPEN_UNAUTHORIZED']);
    expect(ofKind('cancelled')).toEqual(['E_AUTH_CANCELLED']);
    expect(ofKind('exists')).toEqual(['E_EXOPEN_EXISTS']);
    expect(ofKind('unreachable')).toEqual(['E_EXOPEN_NETWORK', 'E_EXOPEN_UNAVAILABLE', 'E_TRANSPORT']);
    expect(sorted(codesWhere((meaning) => meaning.signIn === true))).toEqual(
      sorted(['E_AUTH_TIMEOUT', 'E_AUTH_STATE', 'E_AUTH_DENIED', 'E_AUTH_EXCHANGE', 'E_AUTH_CANCELLED', 'E_AUTH_PORT', 'E_AUTH_UNREACHABLE', 'E_AUTH_BUSY', 'E_AUTH_BROWSER', 'E_AUTH_CONFIG', 'E_AUTH_PROVIDER']),
    );
  });

  it('keeps the severities the sign-in panel and the hand-off show', () => {
    expect(codesWhere((meaning) => meaning.signIn === true && meaning.severity !== 'error')).toEqual(['E_AUTH_CANCELLED']);
    expect(meaningOf('E_AUTH_CANCELLED').severity).toBe('info');
    expect(meaningOf('E_EXOPEN_EXISTS').severity).toBe('info');
    for (const code of ofKind('unreachable')) expect(meaningOf(code as ErrorCode).severity, code).toBe('warning');
    expect(sorted(codesWhere((meaning) => meaning.severity !== 'error'))).toEqual(sorted(['E_AUTH_CANCELLED', 'E_EXOPEN_EXISTS', ...ofKind('unreachable')]));
  });

  it('points at locale texts that exist, and the locale has none for other codes', () => {
    expect(sorted(Object.keys(app.errors.codes))).toEqual(sorted(codesWhere((meaning) => meaning.title === true)));
    const signInTexts = Object.keys(app.signIn.errors).filter((key) => key !== 'generic');
    expect(sorted(signInTexts)).toEqual(sorted(codesWhere((meaning) => meaning.signIn === true)));
  });
});

describe('what the UI does with a code', () => {
  const error = (code: ErrorCode, withFields = false) =>
    ({ code, message: 'm', ...(withFields ? { fieldErrors: [{ field: 'customerId', message: { key: 'k' } }] } : {}) }) as const;

  it('asks to sign in again for an ended session only', () => {
    expect(ERROR_CODES.filter((code) => isSessionEnded(error(code)))).toEqual(['E_AUTH_REQUIRED', 'E_EXOPEN_UNAUTHORIZED']);
  });

  it('sorts hand-off failures as before: session, exists, field errors, unreachable, other', () => {
    expect(handoffProblem(error('E_EXOPEN_UNAUTHORIZED', true))).toBe('session');
    expect(handoffProblem(error('E_EXOPEN_EXISTS', true))).toBe('exists');
    expect(handoffProblem(error('E_EXOPEN_VALIDATION', true))).toBe('validation');
    expect(handoffProblem(error('E_INTERNAL', true))).toBe('validation');
    expect(handoffProblem(error('E_EXOPEN_VALIDATION'))).toBe('other');
    for (const code of ['E_EXOPEN_UNAVAILABLE', 'E_EXOPEN_NETWORK', 'E_TRANSPORT'] as const) expect(handoffProblem(error(code))).toBe('unreachable');
    expect(handoffProblem(error('E_AUTH_UNREACHABLE'))).toBe('other');
  });

  it('keeps a listed code, and shows any other as E_UNEXPECTED with its message', () => {
    expect(toUiError(new BridgeCallError('E_NO_DRAFT', 'gone'))).toEqual({ code: 'E_NO_DRAFT', message: 'gone' });
    expect(toUiError({ name: 'BridgeCallError', code: 'E_NOT_A_CODE', message: 'odd' })).toEqual({ code: 'E_UNEXPECTED', message: 'odd' });
  });
});
