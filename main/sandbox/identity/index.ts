/**
 * The sandbox's Exopen identity provider: a real OpenID Provider (oidc-provider) on 127.0.0.1 that issues
 * authorization codes to the assistant's native client, and JWT access tokens for the sandbox backend
 * (the `audience`), which verifies them with verifyAccessToken. UNCERTAIN: Exopen's real identity provider
 * (product, claims, scopes, token lifetimes, consent screens) is unknown to us; the assistant relies only on
 * standard OpenID Connect discovery, PKCE, loopback redirects and refresh tokens.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../platform/log';
import { buildConfiguration } from './config';
import { handleInteraction } from './interactions';
import { generateSigningKeys } from './keys';
import { errorPage, sendPage } from './pages';
import { CLIENT_ID, DEFAULT_USERS, type IdentityProvider, type IdentityProviderOptions } from './types';
import { createAccessTokenVerifier } from './verify';
import { loadOidc } from './oidc';

export { API_SCOPE, CLIENT_ID, DEFAULT_USERS, type DemoUser, type IdentityProvider, type IdentityProviderOptions, type TokenSubject } from './types';

const log = createLogger('sandbox.identity');

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const ttl = options.accessTokenTtlSeconds ?? 3600;
  if (!Number.isSafeInteger(ttl) || ttl <= 0) throw new RangeError('accessTokenTtlSeconds must be a positive whole number of seconds');
  const users = options.users ?? DEFAULT_USERS;
  const keys = await generateSigningKeys();

  // The issuer must contain the port, which is known only once listening; requests wait for the provider.
  const routes: { dispatch?: (request: IncomingMessage, response: ServerResponse) => void } = {};
  const server = createServer((request, response) => {
    if (routes.dispatch) routes.dispatch(request, response);
    else sendPage(response, 503, errorPage('Starting', 'The sandbox sign-in service is starting. Try again in a moment.'));
  });
  const address = await listen(server, options.port ?? 0);
  const issuer = `http://127.0.0.1:${address.port}`;

  const { Provider } = await loadOidc();
  const provider = new Provider(issuer, buildConfiguration({ audience: options.audience, accessTokenTtlSeconds: ttl, users, keys }));
  provider.on('server_error', (_ctx, error) => log.error('identity provider error', { error }));
  const providerCallback = provider.callback();
  const context = { provider, users, clientName: 'Exopen Connect' };
  routes.dispatch = (request, response) => {
    if (!handleInteraction(context, request, response)) void providerCallback(request, response);
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });

  return {
    issuer,
    clientId: CLIENT_ID,
    users,
    verifyAccessToken: createAccessTokenVerifier({ issuer, audience: options.audience, publicJwks: keys.publicJwks }),
    close: () => (closing ??= close()),
  };
}
