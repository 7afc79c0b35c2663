/**
 * One authorization-code flow for a native app (RFC 8252 + PKCE, RFC 7636): a fresh S256 verifier and a
 * random state (memory only, gone when this function returns), a loopback listener on 127.0.0.1, the
 * system browser via `openExternal` (never an embedded window: §8.12), then one callback, checked before
 * anything is exchanged.
 */
import { timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import { createLogger } from '../platform/log';
import { registerSecret } from '../platform/redact';
import { failurePage, successPage } from './callback-page';
import { describeFailure, isTransientFailure } from './discovery';
import { authErrors, AuthError } from './errors';
import { startLoopback, type ReceivedCallback } from './loopback';
import { InvalidTokenResponse, toStoredTokens } from './token-response';
import type { StoredTokens } from './token-store';

export interface AuthorizeInput {
  readonly config: oidc.Configuration;
  readonly issuer: string;
  readonly audience: string;
  readonly scope: string;
  /** Ask the provider to show its login form even if the browser is still signed in there. */
  readonly forceLogin: boolean;
  readonly redirectPort: number;
  readonly timeoutMs: number;
  readonly openExternal: (url: string) => Promise<void>;
  /** Aborted by cancel(); honoured until the browser's answer arrives. */
  readonly signal: AbortSignal;
  /** Called when the browser's answer arrived: from then on the flow finishes on its own. */
  readonly onCallback: () => void;
  /** Stores the tokens; runs before the browser is told the outcome, so the tab never claims a success that was not kept. */
  readonly keep: (tokens: StoredTokens) => Promise<void>;
  readonly now: () => number;
}

const log = createLogger('auth');

const sameState = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

interface Deadline {
  /** Rejects with E_AUTH_TIMEOUT or E_AUTH_CANCELLED; never resolves. */
  readonly reached: Promise<never>;
  dispose(): void;
}

/** The timeout and cancel() as one promise to race against; it covers opening the browser too. */
function startDeadline(timeoutMs: number, signal: AbortSignal): Deadline {
  let dispose = (): void => undefined;
  const reached = new Promise<never>((_resolve, reject) => {
    const onAbort = (): void => {
      dispose();
      reject(authErrors.cancelled());
    };
    const timer = setTimeout(() => {
      dispose();
      reject(authErrors.timeout(timeoutMs));
    }, timeoutMs);
    dispose = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { reached, dispose: () => dispose() };
}

/** Checks the answer (state first: a foreign answer's code is never exchanged), then exchanges the code. */
async function exchange(input: AuthorizeInput, url: URL, state: string, verifier: string): Promise<StoredTokens> {
  const returnedState = url.searchParams.get('state') ?? '';
  if (!sameState(returnedState, state)) throw authErrors.state();
  const error = url.searchParams.get('error');
  if (error === 'access_denied') throw authErrors.denied();
  // Only a well-formed OAuth error code is repeated to the user; the description is free text from the URL.
  if (error !== null) throw authErrors.provider(/^[\w.-]{1,64}$/.test(error) ? error : 'unknown error');
  if (!url.searchParams.get('code')) throw authErrors.exchange(new Error('the answer carried no authorization code'));
  try {
    const response = await oidc.authorizationCodeGrant(
      input.config,
      url,
      { pkceCodeVerifier: verifier, expectedState: state, idTokenExpected: true },
      // RFC 8707: ask for an access token for the Exopen backend specifically.
      { resource: input.audience },
    );
    return toStoredTokens(response, input.issuer, input.now());
  } catch (failure) {
    if (failure instanceof InvalidTokenResponse) throw authErrors.exchange(failure);
    if (isTransientFailure(failure)) throw authErrors.unreachable(input.issuer, describeFailure(failure), failure);
    throw authErrors.exchange(failure);
  }
}

export async function authorize(input: AuthorizeInput): Promise<StoredTokens> {
  if (input.signal.aborted) throw authErrors.cancelled();
  const verifier = oidc.randomPKCECodeVerifier();
  registerSecret(verifier);
  const challenge = await oidc.calculatePKCECodeChallenge(verifier);
  const state = oidc.randomState();
  const listener = await startLoopback(input.redirectPort);
  try {
    const url = oidc.buildAuthorizationUrl(input.config, {
      redirect_uri: listener.redirectUri,
      scope: input.scope,
      resource: input.audience,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
      ...(input.forceLogin ? { prompt: 'login' } : {}),
    });
    const deadline = startDeadline(input.timeoutMs, input.signal);
    let waited = false;
    let callback: ReceivedCallback;
    try {
      // reviewed: the URL is the issuer's own authorization endpoint (openid-client from its discovery document),
      // and the runtime's opener refuses any other origin (services/runtime.ts, E_LINK_NOT_ALLOWED).
      const opened = Promise.resolve()
        .then(() => input.openExternal(url.href)) // eng-disable OPEN_EXTERNAL_JS_CHECK
        .catch((error: unknown) => {
          // After a timeout or cancel nobody awaits this any more; the late failure still goes to the log.
          if (waited) log.warn('the browser failed to open after the sign-in had ended', { error });
          throw authErrors.browser(error);
        });
      await Promise.race([opened, deadline.reached]);
      callback = await Promise.race([listener.received, deadline.reached]);
    } finally {
      waited = true;
      deadline.dispose();
    }
    input.onCallback();
    try {
      const tokens = await exchange(input, callback.url, state, verifier);
      await input.keep(tokens);
      callback.respond(successPage());
      return tokens;
    } catch (error) {
      const message = error instanceof AuthError ? error.message : 'The sign-in reached Exopen Connect but could not be completed there; it shows what went wrong.';
      callback.respond(failurePage(message));
      throw error;
    }
  } finally {
    await listener.close();
  }
}
