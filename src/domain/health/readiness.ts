import { cypher } from '../../db/cypher-files';
import type { Executor } from '../../db/executor';
import { schemaObjectNames } from '../../db/schema';

const Q = {
  schema: cypher('admin/ready-schema'),
  seeds: cypher('admin/ready-seeds'),
  summaries: cypher('admin/ready-summaries'),
};

/** The readiness checks, in the order they run: each needs the one before it to pass. */
export const READINESS_CHECKS = ['neo4j', 'schema', 'seeds', 'summaries'] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

/** The outcome of {@link checkReadiness}. */
export type Readiness =
  | { ready: true; checks: Record<ReadinessCheck, 'ok'> }
  | {
      ready: false;
      /** The first check that failed; the ones after it were not run. */
      failed: ReadinessCheck;
      /** Why, in a sentence for an operator (counts and index names only, never data). */
      reason: string;
      checks: Partial<Record<ReadinessCheck, 'ok' | 'failed' | 'skipped'>>;
    };

/**
 * Whether the API can serve correct answers now, checked in order and stopping at the first
 * failure:
 * - `neo4j`: the server answers;
 * - `schema`: every constraint and index of `cypher/schema/` exists and is ONLINE;
 * - `seeds`: the graph holds breaches and seeded datasets (start-up seeds an empty database);
 * - `summaries`: every breach has its :ImpactSummary, written with its insurer slices (what the
 *   impact answers read; a breach without one would be counted live, slowly, or not at all), and
 *   they do not lag behind the graph (cypher/shared/summaries-freshness: an import past its
 *   incremental limit until its closing refresh commits, a catalogue change until its refresh
 *   does; after a crash in between, until the start-up recovery recomputes them:
 *   summary-recovery.ts). Answers read from them meanwhile say so (`freshness.current` false).
 * Never throws: a database error during a check fails that check.
 */
export async function checkReadiness(executor: Executor): Promise<Readiness> {
  const checks: Partial<Record<ReadinessCheck, 'ok' | 'failed' | 'skipped'>> = {};
  const fail = (failed: ReadinessCheck, reason: string): Readiness => {
    checks[failed] = 'failed';
    for (const later of READINESS_CHECKS.slice(READINESS_CHECKS.indexOf(failed) + 1)) checks[later] = 'skipped';
    return { ready: false, failed, reason, checks };
  };
  if (!(await executor.isReachable())) return fail('neo4j', 'Neo4j does not answer.');
  checks.neo4j = 'ok';
  let current: ReadinessCheck = 'schema';
  try {
    const present = await executor.read<{ name: string; state: string }>(Q.schema);
    const online = new Set(present.filter((i) => i.state === 'ONLINE').map((i) => i.name));
    const missing = schemaObjectNames().filter((n) => !online.has(n));
    if (missing.length > 0) return fail('schema', `${missing.length} constraint(s) or index(es) missing or not online: ${missing.join(', ')}.`);
    checks.schema = 'ok';

    current = 'seeds';
    const [seeds] = await executor.read<{ breaches: number; datasets: number }>(Q.seeds);
    if (seeds.breaches === 0 || seeds.datasets === 0) return fail('seeds', `The graph holds ${seeds.breaches} breach(es) and ${seeds.datasets} seeded dataset(s); the seeds are not loaded.`);
    checks.seeds = 'ok';

    current = 'summaries';
    const [{ missing: unsummarised, portfolioStale, catalogueChanged }] = await executor.read<{ missing: number; portfolioStale: boolean; catalogueChanged: boolean }>(Q.summaries);
    if (unsummarised > 0) return fail('summaries', `${unsummarised} breach(es) have no current impact summary.`);
    if (portfolioStale) return fail('summaries', 'The impact summaries are stale: a portfolio write has not been followed by its refresh yet (an import in progress, or one interrupted; a start recomputes them).');
    if (catalogueChanged) return fail('summaries', 'The impact summaries are stale: the catalogue changed (a breach registered, a seed load) and their refresh has not committed yet (running, or interrupted; a start recomputes them).');
    checks.summaries = 'ok';
  } catch {
    // The executor has logged the cause; the probe only needs to know which check it stopped.
    return fail(current, `The ${current} check could not run against Neo4j.`);
  }
  return { ready: true, checks: checks as Record<ReadinessCheck, 'ok'> };
}
