import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import { SweepPeople, walkPeople } from '../common/people-walk';
import type { ImpactPathRow } from './impact.rows';
import { groupKey, OPEN_DAY, type Pair, type SliceCounts } from './timeline-events';

const SWEEP = cypher('impact/timeline-sweep');
const OF_PEOPLE = cypher('impact/timeline-events-of-people');

/**
 * People per timeline-sweep chunk. Smaller than the summary sweep's (contract-aggregates-sweep):
 * a chunk's rows are people × paths × epochs × groups, sorted and merged per member in memory.
 */
export const TIMELINE_CHUNK = 20_000;

/** One breach's epochs: from `from` to `last` (ISO days, both included) its paths are these. */
export interface TimelineSweepRequest {
  req: string;
  epochs: Array<{ from: string; last: string; paths: ImpactPathRow[] }>;
}

/** Events by request, then slice ('' for every tenant, else an insurer's own), then group key and day. */
export type TimelineEvents = Map<string, Map<string, SliceCounts>>;

/** One event row (see cypher/sweep/timeline-events.cypher). */
interface EventRow {
  req: string;
  tenant: string | null;
  dim: string;
  id: string;
  measure: 'people' | 'contracts';
  day: string;
  delta: number;
}

/** Adds `sign` × the event rows into `sums` (changes summing to zero are removed, so a difference holds only what changed). */
function addEvents(sums: TimelineEvents, rows: EventRow[], sign: 1 | -1): void {
  for (const e of rows) {
    let slices = sums.get(e.req);
    if (!slices) sums.set(e.req, (slices = new Map()));
    const tenant = e.tenant ?? '';
    let slice = slices.get(tenant);
    if (!slice) slices.set(tenant, (slice = new Map()));
    const gk = groupKey(e.dim, e.id);
    let days = slice.get(gk);
    if (!days) slice.set(gk, (days = new Map()));
    const v = days.get(e.day) ?? [0, 0];
    const next: Pair = e.measure === 'people' ? [v[0] + sign * e.delta, v[1]] : [v[0], v[1] + sign * e.delta];
    if (next[0] === 0 && next[1] === 0) days.delete(e.day);
    else days.set(e.day, next);
    if (days.size === 0) slice.delete(gk);
    if (slice.size === 0) slices.delete(tenant);
    if (slices.size === 0) sums.delete(e.req);
  }
}

/**
 * The events of every request's timeline, by request and slice, over every person (swept in id
 * order, `chunk` at a time, chunks added up) or over the people named in `keys` only (what a
 * write's delta computes before and after it). Events add over disjoint sets of people
 * (cypher/sweep/timeline-events says why), so memory is bounded by the chunk, never by the breach.
 * `db` may be a transaction's (txRequestDb). `into`: add them, times `sign`, to this map (returned)
 * instead of a new one, so a write's change is the people's events before it added with sign −1
 * and after it with +1 into one map (entries summing to zero vanish).
 */
export async function timelineEvents(
  db: RequestDb,
  requests: TimelineSweepRequest[],
  people: SweepPeople = {},
  { into = new Map(), sign = 1 }: { into?: TimelineEvents; sign?: 1 | -1 } = {},
): Promise<TimelineEvents> {
  const byPopulation: Record<string, unknown[]> = {};
  for (const r of requests) {
    for (const e of r.epochs) {
      for (const p of e.paths) {
        (byPopulation[p.populationId] ??= []).push({
          req: r.req, from: e.from, last: e.last, route: `${p.flowId}|${p.systemId}`,
          operatorId: p.operatorId, basis: p.basis, ins: p.controllerId, via: p.viaId, cats: p.exposedCategoryIds,
          populationCutOff: p.populationCutOff, validFrom: p.flowValidFrom, validTo: p.flowValidTo, retentionMonths: p.retentionMonths,
        });
      }
    }
  }
  if (Object.keys(byPopulation).length === 0) return into;
  await walkPeople<EventRow>(db, { sweep: SWEEP, ofPeople: OF_PEOPLE }, { byPopulation, open: OPEN_DAY }, people, TIMELINE_CHUNK, (rows) => addEvents(into, rows, sign));
  return into;
}
