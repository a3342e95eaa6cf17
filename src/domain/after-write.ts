import { cypher } from '../db/cypher-files';
import type { Executor, RoundTripCounter } from '../db/executor';
import { refreshBreachSetSummaries } from './crossbreach/breach-set-refresh';
import { refreshImpactSummaries } from './impact/summary-refresh';
import { refreshImpactTimelines } from './impact/timeline-refresh';

const Q = { bumpCatalogue: cypher('admin/bump-catalogue-version') };

/** What a committed write changed, which decides what must follow it. */
export interface WriteChange {
  /**
   * Catalogue rows (organisations, systems, populations, categories, flows, breaches) were
   * written: API processes must drop the rows they cache (seeds, `registerBreach`).
   */
  catalogue: boolean;
  /** Round trips are counted against this request, when the write came through the API. */
  counter?: RoundTripCounter;
  /** Hears how many people the summary refresh has counted so far (a CLI's progress line). */
  onSwept?: (people: number) => void;
}

/**
 * The one step that follows every committed write to the graph — seed loads, portfolio imports
 * (CLI and API), `registerBreach` — so no writer can forget part of it:
 * 1. when catalogue rows changed, a new catalogue version, so every API process (this one and
 *    others on the same database) drops its cached rows on its next request;
 * 2. the maintained impact summaries, recomputed from the committed graph;
 * 3. the maintained cross-breach counts (people and contracts per set of breaches reaching them),
 *    recomputed from the same graph, so people reached by several breaches are never added twice;
 * 4. the impact timelines (counts on any other date, timeline-refresh.ts), from the same graph.
 * It runs after the write's own transaction: until it returns, readers see the new rows with the
 * previous summaries, never a half-written write. Administrative timeouts apply (Executor.admin):
 * a busy machine slows it down, it does not fail it. Returns the number of breach summaries written.
 */
export async function afterWrite(executor: Executor, change: WriteChange): Promise<number> {
  const admin = executor.admin();
  if (change.catalogue) await admin.write(Q.bumpCatalogue, {}, change.counter);
  const written = await refreshImpactSummaries(admin, change.counter, change.onSwept);
  await refreshBreachSetSummaries(admin, change.counter, change.onSwept);
  await refreshImpactTimelines(admin, change.counter, change.onSwept);
  return written;
}
