import { newRoundTripCounter, type Executor } from '../src/db/executor';
import { listBreaches } from '../src/domain/breach/breach.repository';
import { insurerSummariesByBreachIds, summariesByBreachIds } from '../src/domain/impact/stored-summaries';
import { contractAggregates, impactKey, impactPaths } from '../src/domain/impact/impact.repository';
import type { ContractAggregatesRow } from '../src/domain/impact/impact.rows';
import { requestDb } from '../src/db/request-db';

/** What a tenant-scoped live count of one breach returns, per insurer (the paths scoped the same way). */
export async function liveTenantCount(executor: Executor, breachId: string, tenant: string): Promise<ContractAggregatesRow | null> {
  const db = requestDb(executor, newRoundTripCounter());
  const [answer] = await impactPaths(db, [{ breachId, asOf: null }], tenant);
  if (!answer?.referenceDate) return null;
  const [row] = await contractAggregates(db, [{ key: impactKey(answer), referenceDate: answer.referenceDate, paths: answer.paths }], tenant);
  return row ?? null;
}

/**
 * Compares, for every insurer in any breach's every-tenant summary or controlling an insured
 * path (plus `extra` tenants, which may have no affected contract), each stored slice with a live
 * tenant-scoped count. Every breach with a summary must be answered from storage (a slice or the
 * all-zero row), never left to the live fallback. Returns the stored slices, by
 * `${insurerId}|${breachId}`.
 */
export async function expectEverySliceEqualsLive(executor: Executor, extra: string[] = []): Promise<Map<string, ContractAggregatesRow>> {
  const db = requestDb(executor, newRoundTripCounter());
  const breachIds = (await listBreaches(db)).map((b) => b.id);
  const global = await summariesByBreachIds(db, breachIds);
  expect(global.size).toBeGreaterThan(0);
  // Controllers of insured paths too: insurers reached on paper but holding no contract here.
  const controllers = (await impactPaths(db, breachIds.map((breachId) => ({ breachId, asOf: null })), null)).flatMap((a) =>
    a.paths.flatMap((p) => (p.populationKind === 'INSURED' && p.controllerId !== null ? [p.controllerId] : [])),
  );
  const insurers = [...new Set([...[...global.values()].flatMap((g) => g.byInsurer.map((r) => r.id)), ...controllers, ...extra])].sort();
  const all = new Map<string, ContractAggregatesRow>();
  for (const insurerId of insurers) {
    const stored = await insurerSummariesByBreachIds(db, breachIds, insurerId);
    for (const breachId of global.keys()) {
      const slice = stored.get(breachId);
      const live = await liveTenantCount(executor, breachId, insurerId);
      // toEqual with the ids in the message, so a failure names the insurer and breach.
      expect({ insurerId, breachId, slice }).toEqual({ insurerId, breachId, slice: live });
      all.set(`${insurerId}|${breachId}`, slice!);
    }
  }
  return all;
}
