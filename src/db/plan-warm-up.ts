import type { Logger } from 'pino';
import { allCypherNames, cypher } from './cypher-files';
import type { Executor } from './executor';

/**
 * Statement folders left out of the warm-up: schema commands (applied at start already), the
 * tests' probes and the benchmark's own statements, which the API never runs.
 */
const NOT_SERVED = ['schema/', 'test-probe/', 'bench/'];

/** The statements the API runs: every one under cypher/ but those of {@link NOT_SERVED}. */
export function servedStatementNames(): string[] {
  return allCypherNames().filter((n) => !NOT_SERVED.some((dir) => n.startsWith(dir)));
}

/** What a warm-up did. */
export interface PlanWarmUp {
  planned: number;
  failed: number;
  ms: number;
}

/**
 * Plans every statement the API runs once, by EXPLAIN (nothing is executed), one after another
 * on one session. Why: a freshly started Neo4j JVM plans cold — its planner's own code is not
 * compiled yet — and the first live counts after a start paid for it. Measured on 1M people
 * (quiet machine, embedded Neo4j just started, `SimulateAlmerysPortal` of schema/examples.graphql
 * on the Viamedis portal): without it, the first what-if passed the 15 s deadline twice (15.6 and
 * 16.1 s; `impact/simulate-paths` 2.3–3.2 s, 0.1 s warm); after it (133 statements planned in
 * 29.9–31.8 s) it answered in 9.6 and 12.6 s (`impact/simulate-paths` 0.8–1.4 s). The rest of
 * the gap to a warm 5.2–5.8 s is the runtime's own first execution and the page cache, which
 * planning does not warm. EXPLAIN's plans are cached under their own parameter types, so real
 * requests still plan theirs; what is gained is a warm planner. `stopping` ends it early
 * (shutdown); a statement that fails to plan is logged and skipped, never fatal.
 */
export async function warmUpPlanner(executor: Executor, logger: Logger, stopping: () => boolean = () => false, names: string[] = servedStatementNames()): Promise<PlanWarmUp> {
  const started = performance.now();
  let planned = 0;
  let failed = 0;
  for (const name of names) {
    if (stopping()) break;
    try {
      await executor.explain(cypher(name));
      planned += 1;
    } catch (err) {
      if (stopping()) break;
      failed += 1;
      logger.warn({ err, statement: name }, 'planner warm-up: a statement did not plan');
    }
  }
  return { planned, failed, ms: Math.round(performance.now() - started) };
}
