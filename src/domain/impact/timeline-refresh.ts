import { cypher } from '../../db/cypher-files';
import { Executor, newRoundTripCounter, RoundTripCounter, Step } from '../../db/executor';
import { requestDb } from '../../db/request-db';
import { listBreaches } from '../breach/breach.repository';
import { impactPaths } from './impact.repository';
import type { ImpactPathRow } from './impact.rows';
import { dayBefore, monthBuckets, OPEN_DAY, ORIGIN_DAY, presenceTransitions } from './timeline-events';
import { timelineSweep, type TimelineSweepRequest } from './timeline-sweep';

const Q = {
  changePoints: cypher('impact/timeline-change-points'),
  drop: cypher('impact/delete-timelines'),
  heads: cypher('impact/save-timelines'),
  months: cypher('impact/save-timeline-months'),
};

/** Heads or month buckets per UNWIND statement. */
const BATCH = 500;

/** One epoch as stored on a breach's every-tenant head: its first day and its paths (networkRoutes left out: read from presence). */
export interface StoredEpoch {
  from: string;
  paths: ImpactPathRow[];
}

/**
 * Recomputes every breach's impact timeline and stores it, so `breachImpact(asOf)` on ANY date
 * reads a few stored rows instead of counting (see timeline-read.ts): per breach, the epochs
 * between the dates its paths can change (impact/timeline-change-points) with their paths, and,
 * for every tenant ('') and every insurer's own slice, the dated events of the people and
 * contracts reached per group (timeline-sweep), stored as month buckets, plus the presence of
 * each (operator or network, insurer) pair and each path's care-network routes. Exact: on every
 * day it gives what impact-paths and contract-aggregates give live (test/impact-timeline.test.ts).
 * Meant to run after every write, beside the summary refresh (after-write.ts); everything lands
 * in one write transaction, old timelines deleted first, so a reader sees a whole timeline or the
 * previous one. Returns the number of breaches with a timeline.
 */
export async function refreshImpactTimelines(executor: Executor, counter?: RoundTripCounter, onSwept?: (people: number) => void): Promise<number> {
  const db = requestDb(executor.admin(), counter ?? newRoundTripCounter());
  const breaches = await listBreaches(db);
  if (breaches.length === 0) {
    await db.writeAll([{ query: Q.drop, params: {} }]);
    return 0;
  }
  const points = await db.read<{ breachId: string; dates: string[] }>(Q.changePoints, { breachIds: breaches.map((b) => b.id) });
  const starts = new Map(points.map((p) => [p.breachId, [ORIGIN_DAY, ...p.dates.filter((d) => d > ORIGIN_DAY && d <= OPEN_DAY)]]));
  // One impact-paths walk per epoch, on its first day: the paths hold for the whole epoch.
  const answers = await impactPaths(db, [...starts].flatMap(([breachId, froms]) => froms.map((asOf) => ({ breachId, asOf }))), null);
  const pathsOn = new Map(answers.map((a) => [`${a.breachId}|${a.asOf}`, a.paths]));
  const requests: TimelineSweepRequest[] = [...starts].map(([breachId, froms]) => ({
    req: breachId,
    epochs: froms.map((from, i) => ({
      from,
      last: i + 1 < froms.length ? dayBefore(froms[i + 1]) : OPEN_DAY,
      paths: (pathsOn.get(`${breachId}|${from}`) ?? []).map(({ networkRoutes: _routes, ...p }) => p),
    })),
  }));
  const events = await timelineSweep(db, requests, { onChunk: onSwept });
  const heads: Array<{ breachId: string; tenant: string; epochs: string | null; presence: string }> = [];
  const months: Array<{ breachId: string; tenant: string; month: string; base: string; deltas: string }> = [];
  for (const r of requests) {
    const slices = events.get(r.req) ?? new Map();
    if (!slices.has('')) slices.set('', { counts: new Map(), presence: new Map() });
    for (const [tenant, slice] of slices) {
      const presence = Object.fromEntries([...slice.presence].map(([gk, days]) => [gk, presenceTransitions(days)]));
      const epochs: StoredEpoch[] | null = tenant === '' ? r.epochs.map((e) => ({ from: e.from, paths: e.paths })) : null;
      heads.push({ breachId: r.req, tenant, epochs: epochs && JSON.stringify(epochs), presence: JSON.stringify(presence) });
      for (const b of monthBuckets(slice.counts)) months.push({ breachId: r.req, tenant, month: b.month, base: JSON.stringify(b.base), deltas: JSON.stringify(b.deltas) });
    }
  }
  const steps: Step[] = [{ query: Q.drop, params: {} }];
  for (let i = 0; i < heads.length; i += BATCH) steps.push({ query: Q.heads, params: { heads: heads.slice(i, i + BATCH) } });
  for (let i = 0; i < months.length; i += BATCH) steps.push({ query: Q.months, params: { months: months.slice(i, i + BATCH) } });
  await db.writeAll(steps);
  return requests.length;
}
