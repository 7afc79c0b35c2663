/**
 * The error codes are one list (preload/error-codes.ts). The sources are scanned: every quoted `E_…` literal
 * in main/, preload/ and renderer/ is a listed code, no code is built at run time, and every listed code is
 * used by something other than the list and the renderer's table. The type-level half (the @ts-expect-error
 * lines and expectTypeOf) is checked by `tsc -p tsconfig.json`, which includes tests/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AuthError, type AuthErrorCode } from '../../../main/auth/errors';
import type { BundleLeakError } from '../../../main/diagnose/bundle';
import type { SecretStoreErrorCode } from '../../../main/platform/keytar';
import type { SettingsCorruptError, SettingsInvalidError } from '../../../main/platform/settings';
import type { SimulatorInputError } from '../../../main/sandbox/shared/input';
import { toBridgeError } from '../../../main/services/dispatch';
import { AppError } from '../../../main/platform/errors';
import { BridgeCallError } from '../../../preload/bridge';
import { ERROR_CODES, INTERNAL_ERROR_CODES, isErrorCode, type BridgeError, type ErrorCode, type InternalErrorCode } from '../../../preload/contract';
import type { UiError } from '../../../renderer/src/store';

const ROOT = join(__dirname, '../../..');
const DIRS = ['main', 'preload', 'renderer'];
/** The list itself and the renderer's table name every code; neither counts as a use. */
const DEFINITIONS = new Set(['preload/error-codes.ts', 'renderer/src/errors.ts']);
const QUOTED_CODE = /['"`](E_[A-Z0-9_]+)['"`]/g;

function sources(): Array<{ path: string; text: string }> {
  return DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name) && !name.split(/[\\/]/).includes('node_modules'))
      .map((name) => ({ path: relative(ROOT, join(ROOT, dir, name)).split('\\').join('/'), text: readFileSync(join(ROOT, dir, name), 'utf8') })),
  );
}

const literalsIn = (text: string): string[] => [...text.matchAll(QUOTED_CODE)].map((match) => match[1]!);
const listed = new Set<string>([...ERROR_CODES, ...INTERNAL_ERROR_CODES]);

describe('the error code list', () => {
  it('holds each code once, and no code is both crossing and internal', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(new Set(INTERNAL_ERROR_CODES).size).toBe(INTERNAL_ERROR_CODES.length);
    expect(INTERNAL_ERROR_CODES.filter((code) => (ERROR_CODES as ReadonlyArray<string>).includes(code))).toEqual([]);
    for (const code of listed) expect(code).toMatch(/^E_[A-Z0-9_]{1,60}$/);
  });

  it('lists every E_ literal of main/, preload/ and renderer/', () => {
    const unknown = sources().flatMap((file) => literalsIn(file.text).filter((code) => !listed.has(code)).map((code) => `${file.path}: ${code}`));
    expect(unknown).toEqual([]);
  });

  it('has no code built at run time (a template or concatenation would escape the list)', () => {
    // A template literal *type* (`Extract<ErrorCode, \`E_AUTH_${string}\`>`) builds nothing; only values count.
    const isTypeAlias = (line: string): boolean => /^\s*(export\s+)?type\s/.test(line);
    const built = sources().flatMap((file) =>
      file.text
        .split('\n')
        .filter((line) => !isTypeAlias(line) && /`E_[A-Z0-9_]*\$\{|['"]E_[A-Z0-9_]*['"]\s*\+/.test(line))
        .map((line) => `${file.path}: ${line.trim()}`),
    );
    expect(built).toEqual([]);
  });

  it('has no dead code: each one is used outside the list and the renderer table', () => {
    const used = new Set(sources().filter((file) => !DEFINITIONS.has(file.path)).flatMap((file) => literalsIn(file.text)));
    expect([...listed].filter((code) => !used.has(code))).toEqual([]);
  });

  it('isErrorCode knows the crossing codes only', () => {
    for (const code of ERROR_CODES) expect(isErrorCode(code)).toBe(true);
    for (const code of INTERNAL_ERROR_CODES) expect(isErrorCode(code)).toBe(false);
    for (const other of ['E_NOT_A_CODE', 'ENOENT', 'ERR_CANCELED', '', undefined, 42, {}]) expect(isErrorCode(other)).toBe(false);
  });
});

describe('dispatch passes listed codes only', () => {
  it.each(ERROR_CODES)('passes %s through with its message', (code) => {
    expect(toBridgeError(new AppError(code, 'what to do'))).toEqual({ code, message: 'what to do' });
  });

  it.each([...INTERNAL_ERROR_CODES, 'E_NOT_A_CODE', 'E_EXOPEN_NOT-FOUND'])('turns %s into E_INTERNAL', (code) => {
    const error = Object.assign(new Error('Procountor HTTP 500: https://api.example/?token=x'), { code });
    expect(toBridgeError(error)).toEqual({ code: 'E_INTERNAL', message: expect.stringContaining('log') });
  });
});

describe('the code types (checked by tsc)', () => {
  it('refuses a code that is not listed, wherever an error is made', () => {
    // @ts-expect-error 'E_NOT_A_CODE' is not an ErrorCode
    const appError = new AppError('E_NOT_A_CODE', 'x');
    // @ts-expect-error an internal code does not cross the bridge
    const internal = new AppError('E_VENDOR_API', 'x');
    // @ts-expect-error a sign-in error takes E_AUTH_ codes only
    const authError = new AuthError('E_NO_DRAFT', 'x');
    // @ts-expect-error misspelt
    const callError = new BridgeCallError('E_NO_DRAF', 'x');
    // @ts-expect-error the answer's code is an ErrorCode too
    const bridgeError: BridgeError = { code: 'E_NETWORK', message: 'x' };
    // @ts-expect-error and so is the renderer's
    const uiError: UiError = { code: 'E_CANCELLED', message: 'x' };
    expect([appError, internal, authError, callError, bridgeError, uiError].map((error) => isErrorCode(error.code))).toEqual([false, false, true, false, false, false]);
  });

  it('types every listed code and every code of main’s typed errors', () => {
    expectTypeOf<ErrorCode>().toEqualTypeOf<(typeof ERROR_CODES)[number]>();
    expectTypeOf<AppError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<BridgeCallError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<BridgeError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<UiError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<AuthErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<SecretStoreErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<SettingsCorruptError['code'] | SettingsInvalidError['code'] | BundleLeakError['code']>().toExtend<ErrorCode>();
    expectTypeOf<SimulatorInputError['code']>().toExtend<InternalErrorCode>();
  });
});
