import { randomUUID } from 'node:crypto';
import { cypher } from '../../db/cypher-files';
import type { Step } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import type { AggregatesRequest } from '../impact/impact.repository';
import { ALL_TENANTS, breachSetSweep } from './breach-set-sweep';

const Q = {
  drop: cypher('crossbreach/delete-breach-set-summaries'),
  save: cypher('crossbreach/save-breach-set-summaries'),
};

/** Tenants per UNWIND statement (~400 insurers: a few statements). */
export const SAVE_BATCH = 200;

/**
 * Recomputes the cross-breach counts (issue #11 §2) and stores them: for every insurer together
 * and for each insurer's own slice, the people and contracts per breach-set signature (which
 * breaches reach them, with which categories each), every breach on its default reference date —
 * the date its :ImpactSummary uses. `requests` are the breaches with a reference date and their
 * paths, keyed by breach id, as the impact refresh just counted them; `db` is the transaction
 * holding the summary lock (see after-write.ts), so the old rows are deleted and the new written
 * in it and a reader never mixes two refreshes. The counts are additive per signature, so deltas
 * patch them (summary-delta.ts) between refreshes. Returns the number of tenants stored (0 when
 * no breach has a reference date: nothing is counted, and the answer says "not computed").
 */
export async function refreshBreachSetSummaries(db: RequestDb, requests: AggregatesRequest[], onSwept?: (people: number) => void): Promise<number> {
  const referenceDates = JSON.stringify(Object.fromEntries(requests.map((r) => [r.key, r.referenceDate])));
  const byTenant = requests.length > 0 ? await breachSetSweep(db, requests, { onChunk: onSwept }) : new Map();
  // The every-insurer row is written even when nobody is reached: it marks the counts as computed.
  if (!byTenant.has(ALL_TENANTS) && requests.length > 0) byTenant.set(ALL_TENANTS, []);
  const summaries = [...byTenant].map(([tenant, rows]) => ({ tenant, rows: JSON.stringify(rows), referenceDates }));
  const version = randomUUID();
  const steps: Step[] = [{ query: Q.drop, params: {} }];
  for (let i = 0; i < summaries.length; i += SAVE_BATCH) steps.push({ query: Q.save, params: { summaries: summaries.slice(i, i + SAVE_BATCH), version } });
  await db.writeAll(steps);
  return summaries.length;
}
