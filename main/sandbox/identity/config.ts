/**
 * oidc-provider configuration for the sandbox's Exopen identity provider. Every choice below is one the
 * assistant's sign-in code must cope with at the real provider too; where the real provider's behaviour
 * is unknown the choice is marked UNCERTAIN.
 */
import { randomBytes } from 'node:crypto';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { oidc } from './oidc';
import { createLogger } from '../../platform/log';
import { createMemoryAdapterFactory } from './adapter';
import type { SigningKeys } from './keys';
import { errorPage, PAGE_CSP } from './pages';
import { API_SCOPE, CLIENT_ID, type DemoUser } from './types';

const log = createLogger('sandbox.identity');
const DAY = 24 * 60 * 60;

export interface ConfigInput {
  readonly audience: string;
  readonly accessTokenTtlSeconds: number;
  readonly users: ReadonlyArray<DemoUser>;
  readonly keys: SigningKeys;
}

export function buildConfiguration(input: ConfigInput): Configuration {
  const { audience, users } = input;
  const userBySub = (sub: string | undefined): DemoUser | undefined => users.find((user) => user.sub === sub);

  return {
    adapter: createMemoryAdapterFactory(),
    clients: [
      {
        client_id: CLIENT_ID,
        client_name: 'Exopen Connect',
        // A public native client (RFC 8252): no secret, and for `native` clients oidc-provider accepts the
        // registered loopback redirect with ANY port at request time (§7.3), so the assistant can listen on
        // an ephemeral port. PKCE is then required by oidc-provider's default for token_endpoint_auth_method
        // none, and only S256 is supported in v9.
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: input.keys.privateJwks,
    responseTypes: ['code'],
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The ID token carries name and email so that the assistant needs no userinfo call (its access token is
    // for the backend, not for userinfo). UNCERTAIN: the real provider may only put them in userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const user = userBySub(sub);
      if (!user) return undefined;
      return { accountId: user.sub, claims: () => ({ sub: user.sub, email: user.email, email_verified: true, name: user.name }) };
    },
    // Refresh tokens for our first-party client without an offline_access consent screen: oidc-provider drops
    // offline_access unless prompt=consent (OIDC Core §11), and a desktop assistant that forgets its user every
    // hour would be useless. They are rotated at each use (the default for public clients) and do not end
    // with the browser session. UNCERTAIN: the real provider's refresh token lifetime and rotation.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: () => false,
    // JWT access tokens carry who they belong to, so the backend needs nothing but the provider's JWKS.
    extraTokenClaims: (_ctx, token) => {
      const user = 'accountId' in token ? userBySub(token.accountId) : undefined;
      return user ? { email: user.email, name: user.name } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      // The default logout confirmation page carries an inline script; the assistant never uses it.
      rpInitiatedLogout: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== audience) throw new (oidc().errors.InvalidTarget)();
          return {
            scope: API_SCOPE,
            audience,
            accessTokenTTL: input.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: input.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 14 * DAY,
      Session: DAY,
      Grant: 14 * DAY,
    },
    // The assistant is not a browser app: no cross-origin calls to allow.
    clientBasedCORS: () => false,
    renderError: (ctx: KoaContextWithOIDC, out, error) => {
      log.warn('provider error page', { error: out.error, description: out.error_description, cause: error });
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', PAGE_CSP);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = errorPage('Sign-in error', `${out.error}: ${out.error_description ?? 'the request was not accepted'}`);
    },
  };
}
