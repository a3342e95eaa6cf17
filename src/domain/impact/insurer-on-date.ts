import { cypher } from '../../db/cypher-files';
import { visibleToTenant } from '../../db/reach';
import type { RequestDb } from '../../db/request-db';
import { sweepCounts } from './contract-aggregates-sweep';
import { countsOnDay, DayChanges, readDayCounts, withMirroredGroups } from './day-counts';
import { countBasis } from './dated-summaries';
import { changeWindows } from './date-windows';
import type { AggregatesRequest } from './impact.repository';
import type { ContractAggregatesRow, ImpactPathsRow } from './impact.rows';
import { aggregatesOf, applyCounts, differenceOf, GroupCounts, isEmptyCounts } from './summary-counts';

const Q = {
  bases: cypher('impact/insurer-stored-bases'),
  people: cypher('impact/people-of-insurer-date-windows'),
};

/** One insurer's count request on a date of its choice: its paths on that date, scoped to the insurer. */
export interface InsurerDateRequest extends AggregatesRequest {
  breachId: string;
}

/** A stored summary an insurer's count may start from (cypher/impact/insurer-stored-bases). */
interface BaseRow {
  breachId: string;
  asOf: string | null;
  date: string;
  paths: string | null;
  hasSlice: boolean;
  slice: string | null;
}

/** Days between two ISO dates, unsigned. */
function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** The row of a count that reaches no contract: what a live count (and a stored summary without a slice) answers. */
function countedRow(key: string, counts: GroupCounts, tenant: string): ContractAggregatesRow {
  return isEmptyCounts(counts) ? { key, people: 0, contracts: 0, byInsurer: [], byOperator: [], byNetwork: [], byCategory: [] } : aggregatesOf(key, counts, tenant);
}

/**
 * An insurer's own totals on dates of its choice (requests whose paths impact-paths gave with
 * `tenant`). First read from the insurer's stored per-day changes of the breach (day-counts.ts),
 * when the date lies in their horizon and its own paths have the count basis they were built on:
 * one statement, whatever the population, then a sum per group over the days up to the date.
 * A date on which the insurer has no path reaches nothing of its, and is answered without a read.
 * Otherwise counted from the nearest stored summary of the same breach whose paths, cut to the
 * insurer's own, have the same count basis: its stored slice plus (counts on the date − counts
 * on the summary's date) over the beneficiaries of the insurer's contracts started, or ended
 * within a retention, between the two dates (date-windows.ts, on the (insurerId, startDate) and
 * (insurerId, endDate) indexes). So the cost follows the insurer's contracts that joined or left
 * in between, and memory stays bounded whatever the distance (named people are counted 20,000 at
 * a time), where a live count collects every affected row of the insurer. Returns the rows it
 * could count this way, by request key; the others (no stored summary with the same paths) are
 * left to the live count.
 */
export async function insurerCountsOnDates(db: RequestDb, requests: InsurerDateRequest[], tenant: string): Promise<Map<string, ContractAggregatesRow>> {
  const out = new Map<string, ContractAggregatesRow>();
  // No path of the insurer's on that date: nothing of its can be reached, whatever is stored.
  for (const r of requests) if (r.paths.length === 0) out.set(r.key, countedRow(r.key, {}, tenant));
  const asked = requests.filter((r) => r.paths.length > 0);
  if (asked.length === 0) return out;
  const { rows: days } = await readDayCounts(db, [...new Set(asked.map((r) => r.breachId))], [tenant]);
  const daysOf = new Map(days.map((d) => [d.breachId, d]));
  const rest: InsurerDateRequest[] = [];
  for (const r of asked) {
    const d = daysOf.get(r.breachId);
    if (d && r.referenceDate >= d.from && r.referenceDate <= d.to && d.basis === countBasis('', r.paths)) {
      out.set(r.key, countedRow(r.key, withMirroredGroups(countsOnDay(JSON.parse(d.changes) as DayChanges, r.referenceDate), tenant, r.paths), tenant));
    } else rest.push(r);
  }
  if (rest.length === 0) return out;
  const bases = await db.read<BaseRow>(Q.bases, { breachIds: [...new Set(rest.map((r) => r.breachId))], tenant });
  for (const r of rest) {
    const basis = countBasis('', r.paths);
    const usable = bases
      .filter((b) => b.breachId === r.breachId && b.paths !== null && !(b.hasSlice && b.slice === null))
      .map((b) => ({ ...b, own: (JSON.parse(b.paths!) as ImpactPathsRow).paths.filter((p) => visibleToTenant(p, tenant)) }))
      .filter((b) => countBasis('', b.own) === basis)
      .sort((a, b) => daysApart(a.date, r.referenceDate) - daysApart(b.date, r.referenceDate) || (a.date < b.date ? -1 : 1));
    const base = usable[0];
    if (!base) continue;
    const stored = base.slice === null ? {} : (JSON.parse(base.slice) as GroupCounts);
    let counts = stored;
    if (base.date !== r.referenceDate) {
      const w = changeWindows(base.date, r.referenceDate, r.paths.map((p) => p.retentionMonths));
      const [{ keys }] = await db.read<{ keys: string[] }>(Q.people, { tenant, startWindows: w.startWindows, endWindows: w.endWindows });
      if (keys.length > 0) {
        const from = { key: `${r.key}#base`, referenceDate: base.date, paths: base.own };
        // Only the insurer's own slice is counted: the every-insurer rows of these people would be partial.
        const window = await sweepCounts(db, [from, r], { keys: keys.sort() }, tenant);
        const change = differenceOf(new Map([['x', new Map([['t', window.get(r.key)?.get(tenant) ?? {}]])]]), new Map([['x', new Map([['t', window.get(from.key)?.get(tenant) ?? {}]])]]));
        counts = applyCounts(stored, change.get('x')?.get('t') ?? {});
      }
    }
    out.set(r.key, countedRow(r.key, counts, tenant));
  }
  return out;
}
