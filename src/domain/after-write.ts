import { cypher } from '../db/cypher-files';
import type { Executor, RoundTripCounter } from '../db/executor';
import { refreshSummaries } from './summary-upkeep';

const Q = { bumpCatalogue: cypher('admin/bump-catalogue-version') };

/** What a committed write changed, which decides what must follow it. */
export interface WriteChange {
  /**
   * Catalogue rows (organisations, systems, populations, categories, flows, breaches) were
   * written: API processes must drop the rows they cache (seeds, `registerBreach`).
   */
  catalogue: boolean;
  /**
   * Portfolio rows (contracts, beneficiaries) were written without maintaining the summaries (a
   * seed load, an import past its incremental limit): every breach is recounted. False for a
   * catalogue-only write (`registerBreach`): only breaches whose paths changed are. Default true.
   */
  portfolio?: boolean;
  /** Round trips are counted against this request, when the write came through the API. */
  counter?: RoundTripCounter;
  /** Hears how many people the summary refresh has counted so far (a CLI's progress line). */
  onSwept?: (people: number) => void;
}

/**
 * The one step that follows every committed write to the graph that did not maintain the
 * summaries itself — seed loads, bulk or large imports, `registerBreach` — so no writer can
 * forget part of it (a delta import maintains them in its own transaction: summary-upkeep.ts):
 * 1. when catalogue rows changed, a new catalogue version, so every API process (this one and
 *    others on the same database) drops its cached rows on its next request;
 * 2. the maintained impact summaries and cross-breach counts, recounted from the committed graph
 *    in one write transaction that holds the summary lock (refreshSummaries): whole after a
 *    portfolio write, only the breaches whose paths changed after a catalogue-only one.
 * Until it returns, readers see the new rows with the previous summaries, never a half-written
 * refresh. Administrative timeouts apply (Executor.admin): a busy machine slows it down, it does
 * not fail it. Returns the number of breach summaries written.
 */
export async function afterWrite(executor: Executor, change: WriteChange): Promise<number> {
  const admin = executor.admin();
  if (change.catalogue) await admin.write(Q.bumpCatalogue, {}, change.counter);
  return refreshSummaries(admin, { portfolio: change.portfolio !== false, counter: change.counter, onSwept: change.onSwept });
}
