import { cypher } from '../../db/cypher-files';
import { Executor, newRoundTripCounter, RoundTripCounter } from '../../db/executor';
import { RequestDb, requestDb } from '../../graphql/request-db';
import { listBreaches } from '../breach/breach.repository';
import { contractAggregates, impactKey, impactPaths } from './impact.repository';
import type { ContractAggregatesRow } from './impact.rows';

const Q = {
  save: cypher('impact/save-summary'),
  byIds: cypher('impact/summaries-by-breach-ids'),
  orphans: cypher('impact/delete-orphan-summaries'),
};

/**
 * Recomputes every breach's summary (contract-level totals on its default reference date, all
 * tenants) and stores it. Called after every write that can change them (seed load, breach
 * registration, portfolio import), so reads never count people: the cost moves to the write,
 * and the numbers are exact because they are recomputed whole, never patched.
 */
export async function refreshImpactSummaries(executor: Executor, counter?: RoundTripCounter): Promise<number> {
  const db = requestDb(executor, counter ?? newRoundTripCounter());
  const breaches = await listBreaches(db);
  const answers = await impactPaths(db, breaches.map((b) => ({ breachId: b.id, asOf: null })), null);
  const requests = answers.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), breachId: a.breachId, referenceDate: a.referenceDate, paths: a.paths }] : []));
  const rows = requests.length > 0 ? await contractAggregates(db, requests, null) : [];
  const byKey = new Map(requests.map((r) => [r.key, r]));
  const steps = rows.map((row) => ({
    query: Q.save,
    params: { breachId: byKey.get(row.key)!.breachId, referenceDate: byKey.get(row.key)!.referenceDate, aggregates: JSON.stringify(row) },
  }));
  await db.writeAll([...steps, { query: Q.orphans, params: {} }]);
  return steps.length;
}

/** Stored summaries of several breaches, by breach id. */
export async function summariesByBreachIds(db: RequestDb, ids: string[]): Promise<Map<string, ContractAggregatesRow>> {
  const rows = await db.read<{ breachId: string; aggregates: string }>(Q.byIds, { ids });
  return new Map(rows.map((r) => [r.breachId, JSON.parse(r.aggregates) as ContractAggregatesRow]));
}
