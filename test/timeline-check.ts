import { newRoundTripCounter, type Executor } from '../src/db/executor';
import { requestDb } from '../src/db/request-db';
import { listBreaches } from '../src/domain/breach/breach.repository';
import { contractAggregates, impactKey, impactPaths } from '../src/domain/impact/impact.repository';
import type { ImpactPathsRow } from '../src/domain/impact/impact.rows';
import { timelineAnswers } from '../src/domain/impact/timeline-read';

/** A path answer as JSON would carry it, its care-network routes in order (impact-path collects them in no set order). */
function normalised(row: ImpactPathsRow): ImpactPathsRow {
  return JSON.parse(JSON.stringify({ ...row, paths: row.paths.map((p) => ({ ...p, networkRoutes: [...(p.networkRoutes ?? [])].sort() })) }));
}

/** Every day from `from` to `to`, both included. */
export function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** A day shifted by `days` (ISO). */
export function shifted(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * For every breach, every date of `dates` and every tenant of `tenants` (null: every tenant, as a
 * REGULATOR counts), the stored timeline's answer must equal what impact-paths and
 * contract-aggregates count live on that date, paths and every figure alike. Dates go in batches of
 * `batch` per live statement. Returns how many (breach, date, tenant) answers were compared and
 * how many of them counted someone.
 */
export async function expectTimelineEqualsLive(executor: Executor, dates: string[], tenants: Array<string | null>, batch = 200): Promise<{ compared: number; nonZero: number }> {
  const db = requestDb(executor, newRoundTripCounter());
  const breachIds = (await listBreaches(db)).map((b) => b.id);
  let compared = 0;
  let nonZero = 0;
  for (const tenant of tenants) {
    for (let i = 0; i < dates.length; i += batch) {
      const requests = breachIds.flatMap((breachId) => dates.slice(i, i + batch).map((asOf) => ({ breachId, asOf })));
      const stored = await timelineAnswers(db, requests, tenant);
      const live = await impactPaths(db, requests, tenant);
      const counted = await contractAggregates(db, live.map((p) => ({ key: impactKey(p), referenceDate: p.referenceDate!, paths: p.paths })), tenant);
      const countOf = new Map(counted.map((r) => [r.key, r]));
      expect(live.length).toBe(requests.length);
      for (const p of live) {
        const key = impactKey(p);
        const answer = stored.get(key);
        // toEqual with the key and tenant in the message, so a failure names the breach, date and tenant.
        expect({ key, tenant, paths: answer && normalised(answer.paths) }).toEqual({ key, tenant, paths: normalised(p) });
        expect({ key, tenant, aggregates: answer?.aggregates }).toEqual({ key, tenant, aggregates: countOf.get(key) });
        compared += 1;
        if ((countOf.get(key)?.people ?? 0) > 0) nonZero += 1;
      }
    }
  }
  return { compared, nonZero };
}
