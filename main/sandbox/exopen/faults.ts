import type { FaultControls } from './types';

export interface PlannedFailure {
  readonly status: 503 | 429;
  readonly retryAfterSeconds: number;
}

/** The server's side of FaultControls: each planned fault is taken once. */
export interface FaultPlan extends FaultControls {
  takeFailure(): PlannedFailure | undefined;
  takeDrop(): boolean;
}

const count = (value: number): number => {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`fault count must be a whole number ≥ 0, got ${value}`);
  return value;
};

export function createFaultPlan(): FaultPlan {
  const failures: PlannedFailure[] = [];
  let drops = 0;
  return {
    failNext(n, options = {}) {
      const failure = { status: options.status ?? 503, retryAfterSeconds: count(options.retryAfterSeconds ?? 1) };
      for (let i = 0; i < count(n); i++) failures.push(failure);
    },
    dropAfterCommit(n = 1) {
      drops += count(n);
    },
    reset() {
      failures.length = 0;
      drops = 0;
    },
    takeFailure: () => failures.shift(),
    takeDrop() {
      if (drops === 0) return false;
      drops--;
      return true;
    },
  };
}
