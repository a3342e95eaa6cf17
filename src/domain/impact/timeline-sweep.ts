import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { ImpactPathRow } from './impact.rows';
import { groupKey, OPEN_DAY, type Pair } from './timeline-events';

const SWEEP = cypher('impact/timeline-sweep');

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

/** A slice's events, added up over chunks: per group key, per day, the change on that day. */
export interface SliceEvents {
  /** Count groups (total, insurer, operator, network, category): [people, contracts] changes. */
  counts: Map<string, Map<string, Pair>>;
  /** Presence groups (operatorInsurer, networkInsurer, route): summed per-chunk changes (> 0: present). */
  presence: Map<string, Map<string, number>>;
}

/** One event row of a chunk (see cypher/impact/timeline-sweep.cypher). */
interface EventRow {
  req: string;
  tenant: string | null;
  dim: string;
  id: string;
  measure: 'people' | 'contracts' | 'present';
  day: string;
  delta: number;
}

/**
 * The events of every request's timeline, by request and slice ('' for every tenant, else an
 * insurer's own contracts through its own paths), computed by sweeping the people in id order,
 * `chunk` at a time, and adding the chunks' events up: chunks hold disjoint people and each
 * contract counts in the chunk of its lowest key, so events add. Memory is bounded by the chunk,
 * never by the breach. `onChunk` hears how many people have been swept so far.
 */
export async function timelineSweep(
  db: RequestDb,
  requests: TimelineSweepRequest[],
  { chunk = TIMELINE_CHUNK, onChunk }: { chunk?: number; onChunk?: (swept: number) => void } = {},
): Promise<Map<string, Map<string, SliceEvents>>> {
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunk must be a positive integer, got ${chunk}`);
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
  const out = new Map<string, Map<string, SliceEvents>>();
  const sliceOf = (req: string, tenant: string): SliceEvents => {
    let slices = out.get(req);
    if (!slices) out.set(req, (slices = new Map()));
    let s = slices.get(tenant);
    if (!s) slices.set(tenant, (s = { counts: new Map(), presence: new Map() }));
    return s;
  };
  if (Object.keys(byPopulation).length === 0) return out;
  let after = '';
  let swept = 0;
  for (;;) {
    const [page] = await db.read<{ last: string | null; scanned: number; events: EventRow[] }>(SWEEP, { after, limit: chunk, byPopulation, open: OPEN_DAY });
    for (const e of page.events) {
      const slice = sliceOf(e.req, e.tenant ?? '');
      const gk = groupKey(e.dim, e.id);
      if (e.measure === 'present') {
        const days = slice.presence.get(gk) ?? slice.presence.set(gk, new Map()).get(gk)!;
        days.set(e.day, (days.get(e.day) ?? 0) + e.delta);
      } else {
        const days = slice.counts.get(gk) ?? slice.counts.set(gk, new Map()).get(gk)!;
        const v = days.get(e.day) ?? [0, 0];
        days.set(e.day, e.measure === 'people' ? [v[0] + e.delta, v[1]] : [v[0], v[1] + e.delta]);
      }
    }
    swept += page.scanned;
    onChunk?.(swept);
    // A short chunk is the last one; a person read again would be counted twice, so never step back.
    if (page.scanned < chunk || page.last === null) break;
    after = page.last;
  }
  return out;
}
