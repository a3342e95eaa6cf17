import { cypher } from '../../db/cypher-files';
import type { Step } from '../../db/executor';
import { visibleToTenant } from '../../db/reach';
import type { RequestDb } from '../../db/request-db';
import { SweepPeople, walkPeople } from '../common/people-walk';
import { pathsByPopulation, SWEEP_CHUNK } from './contract-aggregates-sweep';
import { countBasis } from './dated-summaries';
import { shift } from './date-windows';
import type { AggregatesRequest } from './impact.repository';
import type { ImpactPathRow } from './impact.rows';
import type { GroupCounts } from './summary-counts';

const Q = {
  sweep: cypher('impact/insurer-day-events-sweep'),
  ofPeople: cypher('impact/insurer-day-events-of-people'),
  read: cypher('impact/insurer-day-counts'),
  save: cypher('impact/save-insurer-day-counts'),
  drop: cypher('impact/delete-insurer-day-counts'),
  dropPairs: cypher('impact/delete-insurer-day-count-pairs'),
};

/**
 * The days an insurer's per-day change counts cover, around a breach's reference date: three years
 * before it (a member file extracted months earlier, contracts held when the flows opened) and one
 * after (the notification period). A date outside is counted the slower way (insurer-on-date.ts).
 */
export const DAY_COUNT_HORIZON = Object.freeze({ monthsBefore: 36, monthsAfter: 12 });

/** Rows (insurer slices) per save statement. */
const SAVE_BATCH = 200;

/** The inclusive range of ISO days the change counts of a breach with this reference date cover. */
export function dayCountHorizon(referenceDate: string): { from: string; to: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new RangeError(`a reference date must be YYYY-MM-DD, got ${JSON.stringify(referenceDate)}`);
  return { from: shift(referenceDate, -DAY_COUNT_HORIZON.monthsBefore, 0), to: shift(referenceDate, DAY_COUNT_HORIZON.monthsAfter, 0) };
}

/**
 * One insurer slice's per-day changes, as stored: dimension → group id → [ISO day, people who
 * enter (+) or leave (−) the group that day, contracts likewise], days ascending, no all-zero day.
 * The slice's counts on a day of the horizon are the sums of the changes up to it ({@link countsOnDay}).
 */
export type DayChanges = Record<string, Record<string, Array<[day: string, people: number, contracts: number]>>>;

/** Changes being added up: dimension → group id → ISO day → [people, contracts]. */
type DayChangeSums = Record<string, Record<string, Record<string, [number, number]>>>;

/** request key → insurer → the changes of its slice. */
export type SweepDayChanges = Map<string, Map<string, DayChangeSums>>;

/** One partial change count of cypher/sweep/insurer-day-events. */
interface DayRow {
  req: string;
  tenant: string;
  dim: string;
  id: string;
  day: string;
  people: number;
  contracts: number;
}

/** True when `o` has no key (without listing its keys: a group holds up to ~1,500 days). */
function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** Adds `sign` × one change into `sums`, dropping what reaches 0/0. */
function addChange(sums: DayChangeSums, dim: string, id: string, day: string, people: number, contracts: number): void {
  const groups = (sums[dim] ??= {});
  const days = (groups[id] ??= {});
  const [p, c] = days[day] ?? [0, 0];
  if (p + people !== 0 || c + contracts !== 0) {
    days[day] = [p + people, c + contracts];
    return;
  }
  // Only a cancelled day can empty its group, and only an emptied group its dimension.
  delete days[day];
  if (!isEmpty(days)) return;
  delete groups[id];
  if (isEmpty(groups)) delete sums[dim];
}

/** Adds `sign` × the statement rows into `into` (sign −1 subtracts: a write's change is after − before). */
export function addDayRows(into: SweepDayChanges, rows: DayRow[], sign = 1): void {
  for (const r of rows) {
    let byTenant = into.get(r.req);
    if (!byTenant) into.set(r.req, (byTenant = new Map()));
    let sums = byTenant.get(r.tenant);
    if (!sums) byTenant.set(r.tenant, (sums = {}));
    addChange(sums, r.dim, r.id, r.day, sign * r.people, sign * r.contracts);
  }
}

/** after − before, per request and insurer, over the same people; insurers whose changes did not change are absent. */
export function dayDifference(after: SweepDayChanges, before: SweepDayChanges): SweepDayChanges {
  const out: SweepDayChanges = new Map();
  for (const [sign, side] of [[1, after], [-1, before]] as const) {
    for (const [req, byTenant] of side) {
      for (const [tenant, sums] of byTenant) {
        const rows: DayRow[] = [];
        for (const [dim, groups] of Object.entries(sums)) {
          for (const [id, days] of Object.entries(groups)) for (const [day, [people, contracts]] of Object.entries(days)) rows.push({ req, tenant, dim, id, day, people, contracts });
        }
        addDayRows(out, rows, sign);
      }
    }
  }
  for (const byTenant of out.values()) for (const [tenant, sums] of byTenant) if (Object.keys(sums).length === 0) byTenant.delete(tenant);
  for (const [req, byTenant] of out) if (byTenant.size === 0) out.delete(req);
  return out;
}

/** Sums in their stored form: dimensions, ids and days in order, so a patched slice reads byte for byte as a rebuilt one. */
function toChanges(sums: DayChangeSums): DayChanges {
  const out: DayChanges = {};
  for (const dim of Object.keys(sums).sort()) {
    const groups: DayChanges[string] = {};
    for (const id of Object.keys(sums[dim]).sort()) {
      groups[id] = Object.keys(sums[dim][id])
        .sort()
        .map((day) => [day, sums[dim][id][day][0], sums[dim][id][day][1]]);
    }
    out[dim] = groups;
  }
  return out;
}

/** `stored` plus `diff`, in stored form; empty when everything cancelled out. */
export function applyDayChanges(stored: DayChanges, diff: DayChangeSums): DayChanges {
  const sums: DayChangeSums = {};
  for (const [dim, groups] of Object.entries(stored)) for (const [id, days] of Object.entries(groups)) for (const [day, p, c] of days) addChange(sums, dim, id, day, p, c);
  for (const [dim, groups] of Object.entries(diff)) for (const [id, days] of Object.entries(groups)) for (const [day, [p, c]] of Object.entries(days)) addChange(sums, dim, id, day, p, c);
  return toChanges(sums);
}

/**
 * The slice's additive counts (summary-counts.ts) on `day`: per group, the changes on days up to
 * it, added. Groups at 0/0 are absent, as a count never lists them. Throws when a sum is negative
 * (the changes were not those of the graph), rather than answer a negative count.
 */
export function countsOnDay(changes: DayChanges, day: string): GroupCounts {
  const out: GroupCounts = {};
  for (const [dim, groups] of Object.entries(changes)) {
    for (const [id, days] of Object.entries(groups)) {
      let people = 0;
      let contracts = 0;
      for (const [d, p, c] of days) {
        if (d > day) break;
        people += p;
        contracts += c;
      }
      if (people < 0 || contracts < 0) throw new Error(`per-day counts went negative (${dim} ${id} on ${day}: ${people} people, ${contracts} contracts): the stored changes do not match the graph`);
      if (people !== 0 || contracts !== 0) (out[dim] ??= {})[id] = [people, contracts];
    }
  }
  return out;
}

/**
 * Every insurer's per-day changes for reference-date requests, over every person (walked in
 * storage order, `people.chunk` at a time) or over the people named in `people.keys` (a write's
 * before and after), each request over its breach's horizon ({@link dayCountHorizon}). Runs its
 * statements through `db`, which may be the upkeep's transaction.
 */
export async function sweepDayChanges(db: RequestDb, requests: AggregatesRequest[], people: SweepPeople = {}): Promise<SweepDayChanges> {
  const horizons = new Map(requests.map((r) => [r.key, dayCountHorizon(r.referenceDate)]));
  const shared = new Map(requests.map((r) => [r.key, r.paths]));
  const byPopulation = Object.fromEntries(
    Object.entries(pathsByPopulation(requests)).map(([population, paths]) => [
      population,
      paths.map((p) => ({ ...p, ...horizons.get(p.req)!, sharedCats: p.ins === null ? [] : sharedCategories(shared.get(p.req)!, p.ins) })),
    ]),
  );
  const out: SweepDayChanges = new Map();
  // Chunks hold disjoint people and each contract counts with one of them: partial changes add.
  await walkPeople<DayRow>(db, { sweep: Q.sweep, ofPeople: Q.ofPeople }, { byPopulation }, people, SWEEP_CHUNK, (rows) => addDayRows(out, rows));
  return out;
}

/**
 * The exposed categories on every one of `insurer`'s own paths among `paths`, sorted: in its slice,
 * such a category's group holds exactly the total's people and contracts, so its changes are not
 * counted apart but mirrored (cypher/sweep/insurer-day-events says why).
 */
export function sharedCategories(paths: readonly ImpactPathRow[], insurer: string): string[] {
  const own = paths.filter((p) => visibleToTenant(p, insurer));
  if (own.length === 0) return [];
  return [...new Set(own[0].exposedCategoryIds)].filter((cat) => own.every((p) => p.exposedCategoryIds.includes(cat))).sort();
}

/**
 * A slice's full additive counts from the groups its changes count (see cypher/sweep/insurer-day-events):
 * operatorInsurer and networkInsurer mirror operator and network ('<partner>|<insurer>'), and each
 * category shared by all of the insurer's `paths` (its own paths on the date, which have the count
 * basis the changes were built on) mirrors the total. Returns a new object.
 */
export function withMirroredGroups(counts: GroupCounts, insurer: string, paths: readonly ImpactPathRow[]): GroupCounts {
  const out: GroupCounts = JSON.parse(JSON.stringify(counts)) as GroupCounts;
  const mirror = (from: string, to: string, id: (x: string) => string) => {
    for (const [x, pair] of Object.entries(counts[from] ?? {})) (out[to] ??= {})[id(x)] = [pair[0], pair[1]];
  };
  mirror('operator', 'operatorInsurer', (x) => `${x}|${insurer}`);
  mirror('network', 'networkInsurer', (x) => `${x}|${insurer}`);
  const total = counts.total?.[''];
  if (total) for (const cat of sharedCategories(paths, insurer)) (out.category ??= {})[cat] = [total[0], total[1]];
  return out;
}

/** The count basis of `paths` cut to what `insurer` sees: day changes built on it serve only dates whose own paths have the same. */
export function ownBasis(paths: readonly ImpactPathRow[], insurer: string): string {
  return countBasis(
    '',
    paths.filter((p) => visibleToTenant(p, insurer)),
  );
}

/** One insurer's stored per-day changes of a breach (cypher/impact/insurer-day-counts). */
export interface DayCountsRow {
  breachId: string;
  insurerId: string;
  referenceDate: string;
  from: string;
  to: string;
  basis: string;
  changes: string;
}

/** The stored rows of `breachIds` for `tenants`, and which breaches have any (were built by a refresh). */
export async function readDayCounts(db: RequestDb, breachIds: string[], tenants: string[]): Promise<{ built: Set<string>; rows: DayCountsRow[] }> {
  if (breachIds.length === 0) return { built: new Set(), rows: [] };
  const result = await db.read<{ breachId: string; built: boolean; rows: Array<Omit<DayCountsRow, 'breachId'>> }>(Q.read, { breachIds, tenants });
  return {
    built: new Set(result.filter((r) => r.built).map((r) => r.breachId)),
    rows: result.flatMap((r) => r.rows.map((row) => ({ ...row, breachId: r.breachId }))),
  };
}

/** A reference-date request of a breach whose per-day changes are stored. */
export interface DayCountRequest extends AggregatesRequest {
  breachId: string;
}

/** The rows to store for `r` from its insurers' changes (stored form), none for an insurer whose changes are empty. */
export function dayCountRows(r: DayCountRequest, byInsurer: ReadonlyMap<string, DayChanges>): DayCountsRow[] {
  const { from, to } = dayCountHorizon(r.referenceDate);
  return [...byInsurer.entries()]
    .filter(([, changes]) => Object.keys(changes).length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([insurerId, changes]) => ({ breachId: r.breachId, insurerId, referenceDate: r.referenceDate, from, to, basis: ownBasis(r.paths, insurerId), changes: JSON.stringify(changes) }));
}

/**
 * The statements a full refresh writes for the reference-date requests it recounted: their
 * breaches' old changes dropped, then every insurer's new ones from `sums` (sweepDayChanges over everyone).
 */
export function rebuildDayCountSteps(requests: DayCountRequest[], sums: SweepDayChanges): Step[] {
  const rows = requests.flatMap((r) => dayCountRows(r, new Map([...(sums.get(r.key) ?? new Map<string, DayChangeSums>())].map(([t, s]) => [t, toChanges(s)]))));
  return [{ query: Q.drop, params: { breachIds: [...new Set(requests.map((r) => r.breachId))] } }, ...saveSteps(rows)];
}

/** Save statements of `rows`, in batches. */
function saveSteps(rows: DayCountsRow[]): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < rows.length; i += SAVE_BATCH) steps.push({ query: Q.save, params: { rows: rows.slice(i, i + SAVE_BATCH) } });
  return steps;
}

/**
 * Patches the stored changes of the breaches that have them by a write's `diff` (after − before
 * over the people it touched, reference-date requests): each touched insurer's stored changes plus
 * its diff, written back, created for an insurer newly reached, dropped when emptied. Breaches
 * without stored changes (never built) are left alone: their insurers' dates are counted the
 * slower way until the next full refresh builds them. Returns the statements to run.
 */
export async function patchDayCountSteps(db: RequestDb, requests: DayCountRequest[], diff: SweepDayChanges, built: ReadonlySet<string>): Promise<Step[]> {
  const changed = requests.filter((r) => built.has(r.breachId) && diff.has(r.key));
  if (changed.length === 0) return [];
  const tenants = [...new Set(changed.flatMap((r) => [...diff.get(r.key)!.keys()]))].sort();
  const { rows } = await readDayCounts(db, changed.map((r) => r.breachId), tenants);
  const storedOf = new Map(rows.map((row) => [`${row.breachId}|${row.insurerId}`, JSON.parse(row.changes) as DayChanges]));
  const save: DayCountsRow[] = [];
  const emptied: Array<{ breachId: string; insurerId: string }> = [];
  for (const r of changed) {
    for (const [insurer, change] of diff.get(r.key)!) {
      const had = storedOf.get(`${r.breachId}|${insurer}`);
      const next = applyDayChanges(had ?? {}, change);
      if (Object.keys(next).length === 0) {
        if (had) emptied.push({ breachId: r.breachId, insurerId: insurer });
        continue;
      }
      save.push(...dayCountRows(r, new Map([[insurer, next]])));
    }
  }
  return [...(emptied.length > 0 ? [{ query: Q.dropPairs, params: { pairs: emptied } }] : []), ...saveSteps(save)];
}
