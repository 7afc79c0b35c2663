/**
 * The provider's interaction routes: the login form (GET), its submission (POST), cancelling (access_denied)
 * and automatic consent. Consent is granted without a page because the only client is our own first-party
 * assistant. UNCERTAIN: whether Exopen's real provider shows a consent screen is unknown; the assistant
 * does not depend on it either way.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionResults, Provider } from 'oidc-provider';
import { oidc } from './oidc';
import { createLogger } from '../../platform/log';
import { errorPage, loginPage, sendPage } from './pages';
import type { DemoUser } from './types';

const log = createLogger('sandbox.identity');
const FORM_LIMIT_BYTES = 16 * 1024;
const ROUTE = /^\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(login|abort))?$/;
export const WRONG_CREDENTIALS = 'The email or password is not correct. Check them and try again.';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time on the password (hashing first makes the lengths equal, as timingSafeEqual requires). */
export function findUser(users: ReadonlyArray<DemoUser>, email: string, password: string): DemoUser | undefined {
  const user = users.find((candidate) => candidate.email.toLowerCase() === email.trim().toLowerCase());
  const ok = timingSafeEqual(digest(user?.password ?? '\u0000no user'), digest(password));
  return user && ok ? user : undefined;
}

function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= FORM_LIMIT_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > FORM_LIMIT_BYTES ? null : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

/** Grants exactly what the prompt says is missing, the way a consent screen's "Allow" would. */
async function grantConsent(provider: Provider, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const interaction = await provider.interactionDetails(request, response);
  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  const accountId = interaction.session?.accountId;
  const clientId = typeof interaction.params.client_id === 'string' ? interaction.params.client_id : undefined;
  const grant = interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : new provider.Grant({ accountId, clientId });
  if (!grant) throw new Error('the grant of this interaction no longer exists');
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
  const grantId = await grant.save();
  const result: InteractionResults = { consent: interaction.grantId ? {} : { grantId } };
  await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: true });
}

export interface InteractionContext {
  readonly provider: Provider;
  readonly users: ReadonlyArray<DemoUser>;
  readonly clientName: string;
}

async function route(context: InteractionContext, request: IncomingMessage, response: ServerResponse, match: RegExpExecArray): Promise<void> {
  const { provider, users, clientName } = context;
  const [, uid = '', action] = match;
  const demoUsers = users.map((user) => user.email);
  if (request.method === 'GET' && action === undefined) {
    const interaction = await provider.interactionDetails(request, response);
    if (interaction.prompt.name === 'consent') return grantConsent(provider, request, response);
    return sendPage(response, 200, loginPage({ uid, clientName, demoUsers }));
  }
  if (request.method === 'POST' && action === 'login') {
    const form = await readForm(request);
    if (!form) return sendPage(response, 413, errorPage('Form too large', 'The sign-in form was too large. Go back and try again.'));
    const email = form.get('email') ?? '';
    const user = findUser(users, email, form.get('password') ?? '');
    const interaction = await provider.interactionDetails(request, response);
    if (interaction.prompt.name !== 'login') return sendPage(response, 400, errorPage('Already signed in', 'This sign-in step is already complete.'));
    if (!user) return sendPage(response, 200, loginPage({ uid, clientName, email, error: WRONG_CREDENTIALS, demoUsers }));
    return provider.interactionFinished(request, response, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
  }
  if (request.method === 'GET' && action === 'abort') {
    const result = { error: 'access_denied', error_description: 'The user cancelled the sign-in.' };
    return provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
  }
  return sendPage(response, 405, errorPage('Not allowed', 'This page does not accept that kind of request.'));
}

/** Returns false when the request is not an interaction route (the provider handles it). */
export function handleInteraction(context: InteractionContext, request: IncomingMessage, response: ServerResponse): boolean {
  const match = ROUTE.exec(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  if (!match) return false;
  route(context, request, response, match).catch((error: unknown) => {
    if (response.headersSent) {
      log.error('interaction failed after the answer started', { error });
      response.destroy();
    } else if (error instanceof oidc().errors.SessionNotFound) {
      // The interaction cookie is missing or the interaction expired: a stale tab or a cleared cookie jar.
      sendPage(response, 400, errorPage('Sign-in expired', 'This sign-in page has expired. Go back to Exopen Connect and start signing in again.'));
    } else {
      log.error('interaction failed', { error });
      sendPage(response, 500, errorPage('Sign-in failed', 'The sandbox sign-in service failed. Go back to Exopen Connect and try again.'));
    }
  });
  return true;
}
