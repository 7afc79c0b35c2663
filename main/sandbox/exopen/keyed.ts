/**
 * Idempotency-Key handling for every change, after Stripe's design: the first request with a key acts, a
 * repeat with the same request replays the outcome as it stands now, the same key with another request is
 * refused. Every change also runs one at a time (`serial`), so the rules that span records (one data source
 * per credential, unique domain names) cannot be raced by two assistants with different keys.
 */
import type { FaultPlan } from './faults';
import { problem, replayed, type Answer } from './http-io';
import type { SandboxStore } from './store';
import type { KeyOutcome, StoredKey } from './types';

export interface KeyedRequest {
  /** Whose key it is: keys are scoped to the caller. */
  readonly scope: string;
  readonly key: string;
  /** Operation, path and body: the same key on another endpoint is a different request. */
  readonly request: unknown;
}

/** What an action gets: the key entry to store in the same commit as its change. */
export type KeyEntryFor = (outcome: KeyOutcome) => StoredKey;

export interface Keyed {
  run(request: KeyedRequest, act: (entryFor: KeyEntryFor) => Promise<Answer>, replay: (outcome: KeyOutcome) => Answer): Promise<Answer>;
  /** Runs `work` after every change queued before it; the sandbox's controls (triggerSync) use it too. */
  serial<T>(work: () => Promise<T>): Promise<T>;
}

const inUse = (): Answer =>
  problem(
    { status: 409, code: 'idempotency-key-in-use', detail: 'A request with this Idempotency-Key is still in progress; retry shortly.' },
    { 'Retry-After': '1' },
  );

const reused = (): Answer =>
  problem({
    status: 422,
    code: 'idempotency-key-reused',
    detail: 'This Idempotency-Key was used for a different request. Use a new key for a new change.',
  });

export function createKeyed(deps: { readonly store: SandboxStore; readonly faults: FaultPlan }): Keyed {
  const inFlight = new Set<string>();
  let tail: Promise<unknown> = Promise.resolve();

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = tail.then(work, work);
    // The queue moves on whatever one change did; its own outcome reaches its own caller.
    tail = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  return {
    serial,
    async run(request, act, replay) {
      const id = `${request.scope}\u0000${request.key}`;
      if (inFlight.has(id)) return inUse();
      inFlight.add(id);
      try {
        return await serial(async () => {
          const requestHash = deps.store.fingerprint(request.request);
          const known = deps.store.keyEntry(request.scope, request.key);
          // An empty hash: the entry came from a file made under another fingerprint key (store.ts rekey); the key alone decides.
          if (known) return known.requestHash === '' || known.requestHash === requestHash ? replayed(replay(known.outcome)) : reused();
          const entryFor: KeyEntryFor = (outcome) => ({ scope: request.scope, key: request.key, requestHash, outcome, createdAt: new Date().toISOString() });
          const answer = await act(entryFor);
          const committed = answer.kind !== 'problem' && answer.kind !== 'drop';
          return committed && deps.faults.takeDrop() ? { kind: 'drop' } : answer;
        });
      } finally {
        inFlight.delete(id);
      }
    },
  };
}
