/**
 * Test support for the Exopen sign-in: a tiny "system browser" (fetch with manual redirects and a cookie
 * jar) that does what a person does in the browser openExternal opens, and a fixture that wires the real
 * sandbox identity provider to the real auth service with an in-memory SecretStore.
 */
import { connect } from 'node:net';
import { createAuthService, type AuthService, type AuthServiceOptions } from '../../../main/auth';
import { MemorySecretStore } from '../../../main/platform/secrets';
import { startIdentityProvider, type IdentityProvider, type IdentityProviderOptions } from '../../../main/sandbox/identity';
import type { Session } from '../../../preload/contract';

export const AUDIENCE = 'http://127.0.0.1:9/exopen-sandbox-backend';
export const ADMIN = { email: 'admin@demo.exopen.test', password: 'demo', name: 'Demo Admin' };

export interface Page {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
}

/** What a browser does with cookies, reduced to what oidc-provider needs: name → value per host, no paths. */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  private remember(url: string, response: Response): void {
    const host = new URL(url).host;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const expired = attributes.some((attribute) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute));
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(separator + 1).trim());
    }
    this.jar.set(host, cookies);
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const cookies = [...(this.jar.get(new URL(url).host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers: Record<string, string> = cookies ? { cookie: cookies } : {};
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    this.remember(url, response);
    return response;
  }

  /**
   * Follows redirects from `url` (issuing `init` for the first request only). Stops before requesting a URL
   * that starts with `stopAt` (the loopback redirect), returning it unrequested, or at the first non-redirect.
   */
  async follow(url: string, stopAt: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ stoppedAt?: string; page?: Page }> {
    let next = url;
    let request = init;
    for (let hop = 0; hop < 20; hop++) {
      if (next.startsWith(stopAt)) return { stoppedAt: next };
      const response = await this.request(next, request);
      request = {};
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        next = new URL(location, next).href;
        continue;
      }
      return { page: { url: next, status: response.status, headers: response.headers, html: await response.text() } };
    }
    throw new Error('too many redirects');
  }

  async get(url: string): Promise<Page> {
    const response = await this.request(url);
    return { url, status: response.status, headers: response.headers, html: await response.text() };
  }
}

/** The form action of the login page, resolved against the page URL. */
export function loginAction(page: Page): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(page.html)?.[1];
  if (!action) throw new Error(`no login form on ${page.url}: ${page.html.slice(0, 300)}`);
  return new URL(action.replace(/&#38;/g, '&'), page.url).href;
}

/** Opens the authorization URL and lands on the login page. */
export async function openLogin(browser: TestBrowser, authorizationUrl: string): Promise<Page> {
  const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri') ?? 'missing';
  const { page } = await browser.follow(authorizationUrl, redirectUri);
  if (!page) throw new Error('the provider redirected straight back without a login page');
  return page;
}

/** Submits the login form; returns the loopback callback URL the provider redirects to (not yet requested). */
export async function submitLogin(browser: TestBrowser, login: Page, redirectUri: string, email: string, password: string): Promise<{ callbackUrl?: string; page?: Page }> {
  const { stoppedAt, page } = await browser.follow(loginAction(login), redirectUri, { method: 'POST', form: { email, password } });
  return { ...(stoppedAt ? { callbackUrl: stoppedAt } : {}), ...(page ? { page } : {}) };
}

/** The whole browser side of a successful sign-in, up to (not including) the loopback request. */
export async function authorizeInBrowser(browser: TestBrowser, authorizationUrl: string, user = ADMIN): Promise<string> {
  const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri') ?? 'missing';
  const login = await openLogin(browser, authorizationUrl);
  const { callbackUrl, page } = await submitLogin(browser, login, redirectUri, user.email, user.password);
  if (!callbackUrl) throw new Error(`no redirect to the loopback; got ${page?.status}: ${page?.html.slice(0, 300)}`);
  return callbackUrl;
}

export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** True when nothing accepts connections on 127.0.0.1:port any more. */
export function isClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

export interface Harness {
  readonly idp: IdentityProvider;
  readonly store: MemorySecretStore;
  readonly service: AuthService;
  readonly browser: TestBrowser;
  /** Authorization URLs handed to openExternal, in order. */
  readonly opened: string[];
  /** Resolves with the next URL handed to openExternal. */
  nextOpened(): Promise<string>;
  readonly sessions: Session[];
  readonly clock: { now: number };
  close(): Promise<void>;
}

export async function startHarness(
  overrides: Partial<AuthServiceOptions> = {},
  idpOptions: Partial<IdentityProviderOptions> = {},
): Promise<Harness> {
  const idp = await startIdentityProvider({ audience: AUDIENCE, ...idpOptions });
  const store = overrides.secrets instanceof MemorySecretStore ? overrides.secrets : new MemorySecretStore('tests');
  const opened: string[] = [];
  let waiter = deferred<string>();
  const clock = { now: Date.now() };
  const service = createAuthService({
    issuer: idp.issuer,
    clientId: idp.clientId,
    audience: AUDIENCE,
    secrets: store,
    allowInsecureIssuer: true,
    now: () => clock.now,
    openExternal: async (url) => {
      opened.push(url);
      waiter.resolve(url);
    },
    ...overrides,
  });
  const sessions: Session[] = [];
  service.onChange((session) => sessions.push(session));
  return {
    idp,
    store,
    service,
    browser: new TestBrowser(),
    opened,
    nextOpened: async () => {
      const url = await waiter.promise;
      waiter = deferred<string>();
      return url;
    },
    sessions,
    clock,
    close: () => idp.close(),
  };
}

/** Signs in end to end; returns the callback URL the browser delivered (with the now used code). */
export async function signInAsAdmin(harness: Harness): Promise<{ session: Session; callbackUrl: string }> {
  const signingIn = harness.service.signIn();
  const url = await harness.nextOpened();
  const callbackUrl = await authorizeInBrowser(harness.browser, url);
  await harness.browser.get(callbackUrl);
  return { session: await signingIn, callbackUrl };
}

/** The error a promise rejected with (fails the test if it resolved). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the promise to reject');
}
