import { cypher } from '../../db/cypher-files';
import type { Executor, RoundTripCounter } from '../../db/executor';

const Q = { people: cypher('import/count-beneficiaries') };

/**
 * Rows an import maintains the summaries for batch by batch, at most. Past it the import writes
 * plain batches and the summaries are recounted once at the end. A delta batch counts its set of
 * people S (its rows' people and every beneficiary of its contracts, about 1.5 × its rows) twice,
 * by index seeks, where a full refresh reads every person once in index order; so deltas cost
 * about what a full refresh costs once the import touches a quarter of the graph
 * (INCREMENTAL_SHARE), and past 100,000 rows an import is a bulk load that runs for minutes,
 * next to which one refresh is a bounded share, while the per-batch double count keeps growing.
 */
export const INCREMENTAL_MAX_ROWS = 100_000;

/** Share of the graph's people an import may touch and still be maintained batch by batch. */
export const INCREMENTAL_SHARE = 0.25;

/**
 * How one import run (one file, or every file of a multi-file import: pass the same object to
 * each) keeps the summaries: `rowsLeft` more rows are written as deltas (summary-upkeep
 * writeWithSummaries); after that, batches are plain and `stale` says a full refresh
 * (afterWrite) must follow the run.
 */
export interface SummaryPlan {
  rowsLeft: number;
  stale: boolean;
}

/**
 * The plan for an import starting now: deltas for up to min(INCREMENTAL_MAX_ROWS, a quarter of
 * the people already in the graph) rows; none at all for a first load into an empty graph, which
 * is refreshed once at the end.
 */
export async function planSummaries(executor: Executor, counter?: RoundTripCounter): Promise<SummaryPlan> {
  const [{ people }] = await executor.read<{ people: number }>(Q.people, {}, counter);
  return { rowsLeft: Math.min(INCREMENTAL_MAX_ROWS, Math.floor(people * INCREMENTAL_SHARE)), stale: false };
}
