import { cypher } from '../../db/cypher-files';
import type { Step } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import { countsOn, monthBuckets, OPEN_DAY, type MonthBucket, type Pair, type SliceCounts } from './timeline-events';
import { monthRows, saveMonthSteps, type MonthRow } from './timeline-refresh';
import type { TimelineEvents } from './timeline-sweep';

const Q = {
  from: cypher('impact/timeline-months-from'),
  drop: cypher('impact/delete-timeline-months-from'),
};

/** A stored bucket as timeline-months-from returns it (JSON). */
interface StoredBucket {
  month: string;
  base: string;
  deltas: string;
}

/**
 * Patches the stored month buckets by `diff` (a write's change: the events of the people it
 * touched after it minus before it, timeline-sweep), through `db`, the write's transaction: per
 * breach and slice that changed, the buckets from the month of its first changed day on are
 * rewritten, starting from the counts the earlier buckets end with, their stored events plus the
 * change, bases of later months included; months left without a change lose their bucket. The
 * result is what a full refresh would store (events add over people), so later deltas can patch
 * again. Throws when a count would go negative (stored timelines and graph disagree). Returns the
 * number of (breach, slice) pairs patched.
 */
export async function patchTimelines(db: RequestDb, diff: TimelineEvents): Promise<number> {
  const from: Array<{ breachId: string; tenant: string; month: string }> = [];
  const changes = new Map<string, SliceCounts>();
  for (const [breachId, slices] of diff) {
    for (const [tenant, counts] of slices) {
      let first = OPEN_DAY;
      for (const days of counts.values()) for (const day of days.keys()) if (day < first) first = day;
      if (counts.size === 0) continue;
      from.push({ breachId, tenant, month: first.slice(0, 7) });
      changes.set(`${breachId}|${tenant}`, counts);
    }
  }
  if (from.length === 0) return 0;
  const stored = await db.read<{ breachId: string; tenant: string; base: string | null; deltas: string | null; later: StoredBucket[] }>(Q.from, { from });
  const months: MonthRow[] = [];
  for (const s of stored) {
    // The counts on the eve of the first rewritten month: the previous bucket's, at its end.
    const start = s.base === null ? new Map<string, Pair>() : countsOn({ base: JSON.parse(s.base) as MonthBucket['base'], deltas: JSON.parse(s.deltas ?? '[]') as MonthBucket['deltas'] }, OPEN_DAY);
    const events: SliceCounts = new Map();
    const add = (gk: string, day: string, dp: number, dc: number) => {
      let days = events.get(gk);
      if (!days) events.set(gk, (days = new Map()));
      const v = days.get(day) ?? [0, 0];
      days.set(day, [v[0] + dp, v[1] + dc]);
    };
    for (const b of s.later) for (const [day, gk, dp, dc] of JSON.parse(b.deltas) as MonthBucket['deltas']) add(gk, day, dp, dc);
    for (const [gk, days] of changes.get(`${s.breachId}|${s.tenant}`)!) for (const [day, [dp, dc]] of days) add(gk, day, dp, dc);
    months.push(...monthRows(s.breachId, s.tenant, monthBuckets(events, start)));
  }
  const steps: Step[] = [{ query: Q.drop, params: { from } }, ...saveMonthSteps(months)];
  await db.writeAll(steps);
  return from.length;
}
