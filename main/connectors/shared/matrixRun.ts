/**
 * How a matrix check (rows probed one by one) runs this time: a re-run of some rows probes only those and
 * keeps the previous report's rows for the rest; every probed row streams as a `row` event. Shared by the
 * Netvisor rights check and the Procountor rights and data checks, which re-run rows the same way.
 */
import type { CheckEvent, CheckReport, MatrixRow } from '../types';

export interface MatrixRun {
  /** Row ids to probe; undefined = all. */
  readonly only?: ReadonlySet<string>;
  /** Rows of the previous report, kept for the rows not probed this time. */
  readonly previousRows?: ReadonlyArray<MatrixRow>;
  readonly onRow: (row: MatrixRow, done: number, total: number) => void;
}

export function matrixRun(
  checkId: string,
  only: ReadonlySet<string> | undefined,
  previous: CheckReport | undefined,
  emit: (event: CheckEvent) => void,
): MatrixRun {
  const earlier = previous?.results.find((result) => result.checkId === checkId);
  const previousRows = earlier && earlier.status !== 'skipped' ? earlier.rows : undefined;
  return {
    ...(only ? { only } : {}),
    // Kept rows only matter when some rows are skipped; a full run probes every row afresh.
    ...(only && previousRows ? { previousRows } : {}),
    onRow: (row, done, total) => emit({ type: 'row', checkId, row, done, total }),
  };
}
