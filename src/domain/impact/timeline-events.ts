/**
 * The arithmetic of impact timelines, pure (no I/O; unit-tested in timeline-events.test.ts).
 * A timeline answers a count on any reference date as a prefix sum of dated events: per group
 * (a dimension and an id, e.g. `operator` and an operator id), +1 on the first day a member
 * (a person or a contract) is reached and -1 on the day after its last.
 */

/** The first day of the first epoch: before any flow's change point. */
export const ORIGIN_DAY = '0001-01-01';
/** The last day of the last epoch: an interval running to it has no end event (open-ended). */
export const OPEN_DAY = '9999-12-31';

/** A group's key in stored timelines: dimension and id, tab-separated (`total\t` for the total). */
export function groupKey(dim: string, id: string): string {
  return `${dim}\t${id}`;
}

/** The day before an ISO day (YYYY-MM-DD, year 1000 or later). */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** People and contracts of one group on one day, or their change on that day. */
export type Pair = [people: number, contracts: number];

/** One stored month bucket: counts on the eve of the month, and the month's changes by day. */
export interface MonthBucket {
  month: string;
  /** Per group key, [people, contracts] on the last day before the month (groups at 0 left out). */
  base: Record<string, Pair>;
  /** [day, group key, people change, contracts change], by day. */
  deltas: Array<[string, string, number, number]>;
}

/** Dimensions of presence groups: counted per person like the others, read only as "above 0" (see cypher/sweep/timeline-events). */
export const PRESENCE_DIMS: readonly string[] = ['operatorInsurer', 'networkInsurer', 'route'];

/** A slice's events: group key -> day -> [people, contracts] change on that day. */
export type SliceCounts = Map<string, Map<string, Pair>>;

/**
 * Splits a slice's count events (group key -> day -> change) into month buckets, one per month
 * holding a non-zero change: a read on a day needs only the latest bucket at or before its month.
 * `start`: the counts on the eve of the first event (a patch rewriting buckets from a month on
 * starts from the counts the earlier buckets end with); empty by default. Throws when a count
 * goes negative: the events do not describe counts (stored buckets and graph disagree).
 */
export function monthBuckets(counts: ReadonlyMap<string, ReadonlyMap<string, Pair>>, start: ReadonlyMap<string, Pair> = new Map()): MonthBucket[] {
  const byMonth = new Map<string, Array<[string, string, number, number]>>();
  for (const [gk, days] of counts) {
    for (const [day, [dp, dc]] of days) {
      if (dp === 0 && dc === 0) continue;
      const month = day.slice(0, 7);
      let list = byMonth.get(month);
      if (!list) byMonth.set(month, (list = []));
      list.push([day, gk, dp, dc]);
    }
  }
  const running = new Map<string, Pair>([...start].map(([gk, v]) => [gk, [v[0], v[1]]]));
  const buckets: MonthBucket[] = [];
  for (const month of [...byMonth.keys()].sort()) {
    const deltas = byMonth.get(month)!.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const base: Record<string, Pair> = {};
    for (const gk of [...running.keys()].sort()) {
      const v = running.get(gk)!;
      if (v[0] !== 0 || v[1] !== 0) base[gk] = [v[0], v[1]];
    }
    buckets.push({ month, base, deltas });
    for (const [day, gk, dp, dc] of deltas) {
      const v = running.get(gk) ?? [0, 0];
      const next: Pair = [v[0] + dp, v[1] + dc];
      if (next[0] < 0 || next[1] < 0) throw new Error(`impact timeline count went negative: ${gk.replace('\t', ' ')} on ${day}`);
      running.set(gk, next);
    }
  }
  return buckets;
}

/** Counts per group key on `day`, from the latest bucket at or before its month (null: nothing yet). */
export function countsOn(bucket: Pick<MonthBucket, 'base' | 'deltas'> | null, day: string): Map<string, Pair> {
  const values = new Map<string, Pair>();
  if (!bucket) return values;
  for (const [gk, v] of Object.entries(bucket.base)) values.set(gk, [v[0], v[1]]);
  for (const [d, gk, dp, dc] of bucket.deltas) {
    if (d > day) break;
    const v = values.get(gk) ?? [0, 0];
    values.set(gk, [v[0] + dp, v[1] + dc]);
  }
  return values;
}

/** The presence group keys (PRESENCE_DIMS) counting someone in `values` (counts on one day). */
export function presentKeys(values: ReadonlyMap<string, Pair>): string[] {
  const prefixes = PRESENCE_DIMS.map((d) => groupKey(d, ''));
  return [...values].filter(([gk, v]) => v[0] > 0 && prefixes.some((p) => gk.startsWith(p))).map(([gk]) => gk).sort();
}
