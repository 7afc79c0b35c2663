/**
 * Known problems: what a customer reports, how a connector's checks reveal it, what it means and the fix.
 * Each connector lists its own (`<system>/knownProblems.ts`); Diagnose's matcher maps a run onto them.
 * Data only; the four texts live in the connector's own locale namespace under `catalogue.<slug>`.
 */
import { msg, type Msg, type SystemId } from './types';

/**
 * One way a known problem shows in a check run. Every condition given must hold; conditions left out match
 * anything. Meaning keys are the connectors' own Msg keys, the most exact discriminator they offer (a vendor
 * code alone is ambiguous: Netvisor's SERVICE_ACCESS_ERROR covers a blocked resource, a missing module and
 * a plan without the API).
 */
export interface Signature {
  /** What is inspected: a check's result, one row of its matrix, or one recorded request of the timeline. */
  readonly on: 'result' | 'row' | 'request';
  readonly checks?: ReadonlyArray<string>;
  /** Result statuses (`failed`, `warning`) or row statuses (`blocked`, `unavailable`, `error`). */
  readonly statuses?: ReadonlyArray<string>;
  /** Exact Msg keys of the meaning. */
  readonly meanings?: ReadonlyArray<string>;
  /** The meaning's Msg key starts with this (a family, e.g. every network failure). */
  readonly meaningPrefix?: string;
  /** Exact Msg keys of the fix (Procountor's empty-data rows differ only by their fix). */
  readonly fixes?: ReadonlyArray<string>;
  /** The vendor's own error code (VendorText.code), compared case-insensitively. */
  readonly vendorCodes?: ReadonlyArray<string>;
  /** HTTP statuses of recorded requests (`on: 'request'` only). */
  readonly httpStatuses?: ReadonlyArray<number>;
}

/** One known problem: what the customer reports, how the checks reveal it, what it means and the fix. */
export interface CatalogueEntry {
  /** Stable id, `<system>.<slug>`, quoted in bundles and support tickets. */
  readonly id: string;
  readonly system: SystemId;
  /** What the customer says, e.g. "we get SERVICE_ACCESS_ERROR on accountingledger.nv". */
  readonly symptom: Msg;
  /** Which check, result or row status and vendor code reveal it, in words a support agent follows. */
  readonly detection: Msg;
  readonly meaning: Msg;
  readonly fix: Msg;
  /** Vendor codes, vendor phrases (in the vendor's language) and plain words to search by. */
  readonly keywords: ReadonlyArray<string>;
  /** The sandbox scenario that reproduces it (`exopen-connect diagnose <system> --scenario <id>`, or Reproduce in the catalogue). */
  readonly scenario: string;
  readonly signatures: ReadonlyArray<Signature>;
}

/**
 * Builds an entry whose four texts live under `<system>:catalogue.<slug>` in the connector's locale file.
 * `scenario`: the sandbox scenario that shows it (a test runs each through the CLI and the Diagnose view).
 */
export function defineEntry(system: SystemId, slug: string, scenario: string, signatures: ReadonlyArray<Signature>, keywords: ReadonlyArray<string>): CatalogueEntry {
  const id = `${system}.${slug}`;
  const text = (part: string) => msg(`${system}:catalogue.${slug}.${part}`);
  return { id, system, symptom: text('symptom'), detection: text('detection'), meaning: text('meaning'), fix: text('fix'), keywords, scenario, signatures };
}
