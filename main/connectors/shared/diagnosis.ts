/**
 * The shape every connector's explanation of a failure takes: what went wrong, how to fix it, and the
 * vendor's own words when there are any. Shared so one outcome type and one result stamp serve all systems.
 */
import { msg, type FailureKind, type Msg, type VendorText } from '../types';

export interface Diagnosis {
  readonly kind: FailureKind;
  readonly meaning: Msg;
  readonly fix: Msg;
  readonly vendor?: VendorText;
}

/** `<base>.meaning` and `<base>.fix`: every explanation is a translatable pair under one key. */
export const pair = (base: string, params?: Record<string, string | number>): { meaning: Msg; fix: Msg } => ({
  meaning: msg(`${base}.meaning`, params),
  fix: msg(`${base}.fix`, params),
});
