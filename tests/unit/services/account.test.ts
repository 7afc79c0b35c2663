/**
 * Signing in to Exopen through the runtime, against the sandbox OpenID provider and the sandbox backend
 * that verifies its JWTs: the session the renderer sees, the 'auth.changed' event, sign-out, and what every
 * backend call answers while signed out (a sign-in code, never E_INTERNAL). No answer carries a token.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, Session } from '../../../preload/contract';
import { JWT, verifiedNetvisor } from './flows';
import { fillScenario, startRuntime, type Harness } from './support';

const SIGNED_OUT_CODES = ['E_AUTH_REQUIRED', 'E_EXOPEN_UNAUTHORIZED'];

/** Records every event the runtime emits from now on. */
function recordEvents(h: Harness): Array<{ name: EventName; payload: unknown }> {
  const seen: Array<{ name: EventName; payload: unknown }> = [];
  h.runtime.events.subscribe((name, payload) => seen.push({ name, payload }));
  return seen;
}

const sessionsIn = (events: ReadonlyArray<{ name: EventName; payload: unknown }>): Session[] =>
  events.filter((event) => event.name === 'auth.changed').map((event) => event.payload as Session);

describe('Exopen sign-in through the runtime', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('signs in as the demo admin, says so in an auth.changed event, and signs out again', async () => {
    h = await startRuntime({ signedIn: false });
    const events = recordEvents(h);
    expect(await h.ok('auth.status', {})).toEqual({ signedIn: false, pending: false });

    const session = await h.ok('auth.signIn', {});
    expect(session).toMatchObject({ signedIn: true, user: { name: 'Demo Admin', email: 'admin@demo.exopen.test' } });
    expect(await h.ok('auth.status', {})).toEqual(session);
    expect(sessionsIn(events).at(-1)).toEqual(session);
    expect(sessionsIn(events).some((seen) => !seen.signedIn && seen.pending)).toBe(true);
    expect((await h.ok('domains.list', {})).length).toBeGreaterThan(0);

    expect(await h.ok('auth.signOut', {})).toEqual({ signedIn: false, pending: false });
    expect(await h.ok('auth.status', {})).toEqual({ signedIn: false, pending: false });
    expect(sessionsIn(events).at(-1)).toEqual({ signedIn: false, pending: false });
    // The tokens are gone from the secret store: the next backend call has nothing to send.
    expect(SIGNED_OUT_CODES).toContain((await h.fail('domains.list', {})).code);

    // Signing in again works (the provider shows its login form again after an explicit sign-out).
    expect(await h.ok('auth.signIn', {})).toMatchObject({ signedIn: true, user: { name: 'Demo Admin' } });
    expect(await h.ok('domains.list', {})).toContainEqual({ id: 'dom-demo', name: 'Demo Group', canAdminister: true });

    expect(JSON.stringify(h.answers)).not.toMatch(JWT);
    expect(JSON.stringify(h.answers)).not.toContain('eyJ');
    expect(JSON.stringify(events)).not.toContain('eyJ');
  });

  it('every backend call while signed out answers a sign-in code, never E_INTERNAL', async () => {
    h = await startRuntime({ signedIn: false });
    const failures = [
      await h.fail('domains.list', {}),
      await h.fail('domains.create', { name: 'Signed Out Group' }),
      await h.fail('dataSources.list', {}),
      await h.fail('dataSources.addCompanies', { id: 'ds_any', companies: [{ id: '1', name: 'One Oy' }] }),
      await h.fail('dataSources.removeCompanies', { id: 'ds_any', companyIds: ['1'] }),
      await h.fail('dataSources.delete', { id: 'ds_any' }),
      await h.fail('drafts.recreate', { dataSourceId: 'ds_any' }),
      await h.fail('status.get', { dataSourceId: 'ds_any' }),
    ];
    for (const failure of failures) expect(SIGNED_OUT_CODES).toContain(failure.code);
    expect(JSON.stringify(h.answers)).not.toContain('eyJ');
  });

  it('Netvisor checks with the broker signer while signed out answer a sign-in code', async () => {
    h = await startRuntime({ signedIn: false });
    expect((await h.ok('settings.get', {})).signers.netvisor).toBe('broker');
    const { draft } = await fillScenario(h, 'healthy');
    const failure = await h.fail('checks.run', { draftId: draft.id, operationId: crypto.randomUUID() });
    expect(SIGNED_OUT_CODES).toContain(failure.code);
  });

  it('a hand-off after signing out answers a sign-in code and creates nothing; signed in again it goes through', async () => {
    h = await startRuntime();
    const { draft } = await verifiedNetvisor(h);
    await h.ok('auth.signOut', {});
    expect(SIGNED_OUT_CODES).toContain((await h.fail('handoff.submit', { draftId: draft.id })).code);
    await h.ok('auth.signIn', {});
    expect(await h.ok('dataSources.list', {})).toEqual([]);
    // Signed in again, the same verified setup hands off.
    const { dataSourceId } = await h.ok('handoff.submit', { draftId: draft.id });
    expect((await h.ok('dataSources.list', {})).map((card) => card.id)).toEqual([dataSourceId]);
    expect(JSON.stringify(h.answers)).not.toContain('eyJ');
  });
});
