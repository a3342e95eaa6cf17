import type { Logger } from 'pino';
import { allCypherNames, cypher } from './cypher-files';
import type { Executor } from './executor';

/**
 * Statement folders left out of the warm-up: schema commands (applied at start already), the
 * tests' probes and the benchmark's own statements, which the API never runs.
 */
const NOT_SERVED = ['schema/', 'test-probe/', 'bench/'];

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
 * (quiet machine, embedded Neo4j just started): the first Almerys what-if took 10.6–13.5 s
 * (`impact/simulate-paths` 2.2–4.4 s for what takes 0.1–0.2 s warm) and a first Viamedis one
 * passed the 15 s deadline; after this warm-up (129 statements, 25.7 s) the first Almerys what-if
 * took 5.1 s. EXPLAIN's plans are cached without parameter types, so real requests still plan
 * their own; what is gained is a warm planner. `stopping` ends it early (shutdown); a statement
 * that fails to plan is logged and skipped, never fatal.
 */
export async function warmUpPlanner(executor: Executor, logger: Logger, stopping: () => boolean = () => false): Promise<PlanWarmUp> {
  const started = performance.now();
  const names = allCypherNames().filter((n) => !NOT_SERVED.some((dir) => n.startsWith(dir)));
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
