import { cypher } from '../../db/cypher-files';
import type { Step } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import { listBreaches } from '../breach/breach.repository';
import { impactPaths } from './impact.repository';
import type { ImpactPathRow } from './impact.rows';
import { dayBefore, monthBuckets, OPEN_DAY, ORIGIN_DAY, type MonthBucket } from './timeline-events';
import { timelineEvents, type TimelineEvents, type TimelineSweepRequest } from './timeline-sweep';

const Q = {
  changePoints: cypher('impact/timeline-change-points'),
  stored: cypher('impact/stored-timeline-epochs'),
  drop: cypher('impact/delete-timelines-of-breaches'),
  heads: cypher('impact/save-timelines'),
  months: cypher('impact/save-timeline-months'),
};

/** Heads or month buckets per UNWIND statement. */
export const TIMELINE_BATCH = 500;

/** One epoch as stored on a breach's head: its first day and its paths (networkRoutes left out: read from the route groups). */
export interface StoredEpoch {
  from: string;
  paths: ImpactPathRow[];
}

/** A month bucket as the save-timeline-months statement takes it (base and deltas as JSON). */
export interface MonthRow {
  breachId: string;
  tenant: string;
  month: string;
  base: string;
  deltas: string;
}

/** The rows storing `buckets` of one breach's slice. */
export function monthRows(breachId: string, tenant: string, buckets: MonthBucket[]): MonthRow[] {
  return buckets.map((b) => ({ breachId, tenant, month: b.month, base: JSON.stringify(b.base), deltas: JSON.stringify(b.deltas) }));
}

/** The steps saving month rows, TIMELINE_BATCH per statement. */
export function saveMonthSteps(months: MonthRow[]): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < months.length; i += TIMELINE_BATCH) steps.push({ query: Q.months, params: { months: months.slice(i, i + TIMELINE_BATCH) } });
  return steps;
}

/** A stored breach's epochs turned back into a sweep request (each epoch lasting to the day before the next). */
export function sweepRequestOf(breachId: string, epochs: StoredEpoch[]): TimelineSweepRequest {
  return { req: breachId, epochs: epochs.map((e, i) => ({ from: e.from, last: i + 1 < epochs.length ? dayBefore(epochs[i + 1].from) : OPEN_DAY, paths: e.paths })) };
}

/** Every stored timeline's epochs, by breach id (read inside the upkeep's transaction). */
export async function storedTimelineEpochs(db: RequestDb): Promise<Map<string, StoredEpoch[]>> {
  const rows = await db.read<{ breachId: string; epochs: string | null }>(Q.stored);
  return new Map(rows.map((r) => [r.breachId, JSON.parse(r.epochs ?? '[]') as StoredEpoch[]]));
}

/** What a timeline refresh did. */
export interface TimelineRefresh {
  /** Breaches whose timeline was recomputed. */
  swept: string[];
  /** Breaches with a timeline afterwards. */
  breaches: number;
}

/**
 * Recomputes the impact timelines (breachImpact on any date: see timeline-read.ts) and stores
 * them, through `db`, the transaction holding the summary lock (summary-upkeep.ts refreshInLock),
 * so they commit with the summaries counted from the same graph. Per breach: the epochs between
 * the dates its paths can change (impact/timeline-change-points), one impact-paths walk per epoch,
 * and, for every tenant ('') and every insurer's own slice, the dated events of the people and
 * contracts reached per group (timeline-sweep), stored as month buckets. Exact: on every day it
 * gives what impact-paths and contract-aggregates give live (test/impact-timeline.test.ts).
 * `sweepAll` (the portfolio changed) recomputes every breach; otherwise only breaches whose epochs
 * (days and paths) differ from the stored ones, or that have none. Timelines of breaches that no
 * longer exist are dropped. `onSwept` hears how many people have been swept so far.
 */
export async function refreshImpactTimelines(db: RequestDb, { sweepAll, onSwept }: { sweepAll: boolean; onSwept?: (people: number) => void }): Promise<TimelineRefresh> {
  const breaches = await listBreaches(db);
  const ids = breaches.map((b) => b.id);
  const points = ids.length > 0 ? await db.read<{ breachId: string; dates: string[] }>(Q.changePoints, { breachIds: ids }) : [];
  const starts = new Map(points.map((p) => [p.breachId, [ORIGIN_DAY, ...p.dates.filter((d) => d > ORIGIN_DAY && d <= OPEN_DAY)]]));
  // One impact-paths walk per epoch, on its first day: the paths hold for the whole epoch.
  const answers = await impactPaths(db, [...starts].flatMap(([breachId, froms]) => froms.map((asOf) => ({ breachId, asOf }))), null);
  const pathsOn = new Map(answers.map((a) => [`${a.breachId}|${a.asOf}`, a.paths]));
  const epochsOf = new Map<string, StoredEpoch[]>(
    [...starts].map(([breachId, froms]) => [breachId, froms.map((from) => ({ from, paths: (pathsOn.get(`${breachId}|${from}`) ?? []).map(({ networkRoutes: _routes, ...p }) => p) }))]),
  );
  const stored = await storedTimelineEpochs(db);
  const toSweep = ids.filter((id) => sweepAll || !stored.has(id) || JSON.stringify(stored.get(id)) !== JSON.stringify(epochsOf.get(id)));
  const requests = toSweep.map((id) => sweepRequestOf(id, epochsOf.get(id)!));
  const events: TimelineEvents = requests.length > 0 ? await timelineEvents(db, requests, { onChunk: onSwept }) : new Map();
  const heads = requests.map((r) => ({ breachId: r.req, epochs: JSON.stringify(epochsOf.get(r.req)) }));
  const months: MonthRow[] = [];
  for (const r of requests) for (const [tenant, counts] of events.get(r.req) ?? new Map()) months.push(...monthRows(r.req, tenant, monthBuckets(counts)));
  const steps: Step[] = [{ query: Q.drop, params: { breachIds: toSweep, keep: ids } }];
  for (let i = 0; i < heads.length; i += TIMELINE_BATCH) steps.push({ query: Q.heads, params: { heads: heads.slice(i, i + TIMELINE_BATCH) } });
  steps.push(...saveMonthSteps(months));
  await db.writeAll(steps);
  return { swept: toSweep, breaches: ids.length };
}
