import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_PREFIX, createAuthService } from '../../../main/auth';
import { MemorySecretStore } from '../../../main/platform/secrets';
import { AUDIENCE, isClosed, rejectionOf, startHarness, type Harness } from './support';

let harness: Harness | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  harness?.service.cancel();
  await harness?.close();
  harness = undefined;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
});

const options = (issuer: string) => ({
  issuer,
  clientId: 'exopen-connect',
  audience: AUDIENCE,
  secrets: new MemorySecretStore('tests'),
  openExternal: async () => undefined,
  allowInsecureIssuer: true,
});

describe('sign-in failures', () => {
  it('gives up when the browser never answers (E_AUTH_TIMEOUT) and closes the loopback port', async () => {
    harness = await startHarness({ timeoutMs: 50 });
    const signingIn = rejectionOf(harness.service.signIn());
    const redirectUri = new URL(new URL(await harness.nextOpened()).searchParams.get('redirect_uri')!);

    const error = await signingIn;
    expect(error.code).toBe('E_AUTH_TIMEOUT');
    expect(error.message).toMatch(/Start signing in again/);
    expect(await isClosed(Number(redirectUri.port))).toBe(true);
    expect(harness.service.status()).toEqual({ signedIn: false, pending: false });
    expect(await harness.store.list(ACCOUNT_PREFIX)).toEqual([]);
  });

  it('says so when the configured redirect port is taken (E_AUTH_PORT)', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    harness = await startHarness({ redirectPort: port });

    const error = await rejectionOf(harness.service.signIn());
    expect(error.code).toBe('E_AUTH_PORT');
    expect(error.message).toContain(`Port ${port}`);
    expect(error.message).toMatch(/already in use/);
    expect(harness.opened).toEqual([]);
    expect(harness.service.status()).toEqual({ signedIn: false, pending: false });
  });

  it('names the issuer when discovery fails (E_AUTH_UNREACHABLE)', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const service = createAuthService(options(`http://127.0.0.1:${port}`));

    const error = await rejectionOf(service.signIn());
    expect(error.code).toBe('E_AUTH_UNREACHABLE');
    expect(error.message).toContain(`http://127.0.0.1:${port}`);
    expect(service.status()).toEqual({ signedIn: false, pending: false });
  });

  it('reports a browser that cannot be opened (E_AUTH_BROWSER) and closes the listener', async () => {
    let redirectUri = '';
    harness = await startHarness({
      openExternal: async (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri')!;
        throw new Error('no browser');
      },
    });
    expect((await rejectionOf(harness.service.signIn())).code).toBe('E_AUTH_BROWSER');
    expect(await isClosed(Number(new URL(redirectUri).port))).toBe(true);
  });

  it('refuses issuers that are not https, except a loopback sandbox that asked for it (E_AUTH_CONFIG)', () => {
    const create = (issuer: string, allowInsecureIssuer: boolean) => () => createAuthService({ ...options(issuer), allowInsecureIssuer });
    expect(create('http://id.exopen.example', false)).toThrow(expect.objectContaining({ code: 'E_AUTH_CONFIG' }));
    expect(create('http://id.exopen.example', true)).toThrow(expect.objectContaining({ code: 'E_AUTH_CONFIG' }));
    expect(create('http://127.0.0.1:4000', false)).toThrow(expect.objectContaining({ code: 'E_AUTH_CONFIG' }));
    expect(create('not a url', false)).toThrow(expect.objectContaining({ code: 'E_AUTH_CONFIG' }));
    expect(create('https://id.exopen.example', false)).not.toThrow();
    expect(create('http://127.0.0.1:4000', true)).not.toThrow();
  });

  it('says E_AUTH_REQUIRED for a token while signed out', async () => {
    const service = createAuthService(options('https://id.exopen.example'));
    const error = await rejectionOf(service.accessToken());
    expect(error.code).toBe('E_AUTH_REQUIRED');
    expect(error.message).toMatch(/Sign in again/);
  });
});
