import { useEffect, useRef } from 'react';
import type { CredentialsState } from '../../store';
import { canStartTest, hasSecretValue } from '../../store/session';

/** How long the form must rest, complete, before the run starts by itself. */
const PAUSE_MS = 1200;

/**
 * Systems whose credential reaches several companies (Vitec) load the company list by itself as soon as the
 * form is complete, as Exopen's portal does: a pause after the last edit starts the same test run the
 * button starts (its answers carry an operation id, so a stale one is dropped). Only after an edit on this
 * visit: coming Back to fix one field must not start a run before the admin has typed anything.
 */
export function useAutoTest(state: CredentialsState, startTest: () => Promise<void>): boolean {
  const enabled = state.session.descriptor.reachesSeveralCompanies;
  const secretFields = state.session.descriptor.fields.filter((field) => field.kind === 'secret').map((field) => field.id);
  // Values of typed secrets never go into the key: only whether each secret has one.
  const key = JSON.stringify([state.session.fields, secretFields.map((id) => hasSecretValue(state, id))]);
  const opened = useRef(key);
  const ready = enabled && canStartTest(state) && key !== opened.current;

  useEffect(() => {
    if (!ready) return undefined;
    const timer = setTimeout(() => void startTest(), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [ready, key, startTest]);

  return enabled;
}
