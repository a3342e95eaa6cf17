import { newRoundTripCounter, type Executor } from '../src/db/executor';
import { listBreaches } from '../src/domain/breach/breach.repository';
import { insurerSummariesByBreachIds, summariesByBreachIds } from '../src/domain/impact/stored-summaries';
import { contractAggregates, impactKey, impactPaths } from '../src/domain/impact/impact.repository';
import type { ContractAggregatesRow } from '../src/domain/impact/impact.rows';
import { requestDb } from '../src/db/request-db';
import { DayChanges, readDayCounts } from '../src/domain/impact/day-counts';
import { countBasis } from '../src/domain/impact/dated-summaries';
import { shift } from '../src/domain/impact/date-windows';
import { insurerCountsOnDates } from '../src/domain/impact/insurer-on-date';

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

/**
 * For each stored per-day change set of `insurers` (day-counts.ts), on every day it names a
 * change of the insurer's total (at most `perSet`, spread out) and the day before each, within its
 * horizon: the count read from the changes equals a live tenant-scoped count on that day. Dates
 * whose own paths differ from the reference date's are counted the other way and skipped.
 * Returns how many (insurer, breach, day) were compared.
 */
export async function expectDayCountsEqualLive(executor: Executor, insurers: string[], perSet = 40): Promise<number> {
  const db = requestDb(executor, newRoundTripCounter());
  const breachIds = (await listBreaches(db)).map((b) => b.id);
  const { rows } = await readDayCounts(db, breachIds, insurers);
  let checked = 0;
  for (const row of rows) {
    const changes = JSON.parse(row.changes) as DayChanges;
    const days = (changes.total?.[''] ?? []).map(([day]) => day);
    const step = Math.max(1, Math.floor(days.length / perSet));
    const dates = [...new Set(days.filter((_, i) => i % step === 0).flatMap((d) => [d, shift(d, 0, -1)]))].filter((d) => d >= row.from && d <= row.to);
    const answers = await impactPaths(db, dates.map((asOf) => ({ breachId: row.breachId, asOf })), row.insurerId);
    const requests = answers.map((a) => ({ key: impactKey(a), breachId: row.breachId, referenceDate: a.referenceDate!, paths: a.paths }));
    const fromDays = requests.filter((r) => countBasis('', r.paths) === row.basis);
    const ours = await insurerCountsOnDates(db, fromDays, row.insurerId);
    for (const live of await contractAggregates(db, fromDays, row.insurerId)) {
      expect({ insurer: row.insurerId, key: live.key, ours: ours.get(live.key) }).toEqual({ insurer: row.insurerId, key: live.key, ours: live });
      checked += 1;
    }
  }
  return checked;
}
