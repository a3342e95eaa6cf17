import { randomUUID } from 'node:crypto';
import { cypher } from '../db/cypher-files';
import type { Executor, RoundTripCounter, Step } from '../db/executor';
import { RequestDb, txRequestDb } from '../db/request-db';
import { summariesWritten } from './ops-events';
import { refreshBreachSetSummaries, SAVE_BATCH } from './crossbreach/breach-set-refresh';
import { addBreachSetRows, ALL_TENANTS, BreachSetCounts, breachSetCounts, sortedRows } from './crossbreach/breach-set-sweep';
import type { BreachSetRow } from './crossbreach/breach-set.rows';
import { sweepCounts } from './impact/contract-aggregates-sweep';
import { dayDifference, patchDayCountSteps, readDayCounts, sweepDayChanges } from './impact/day-counts';
import { impactKey } from './impact/impact.repository';
import type { ImpactPathsRow } from './impact/impact.rows';
import { aggregatesOf, ALL, applyCounts, differenceOf, GroupCounts, isEmptyCounts, networkRoutesOf, routeKey, SweepCounts } from './impact/summary-counts';
import { isComplete, readStoredDatedSummaries } from './impact/dated-summaries';
import { readStoredSummaries, refreshImpactSummaries, saveSliceSteps, saveSummaryStep, SliceRow, SummaryRequest } from './impact/summary-refresh';

const Q = {
  lock: cypher('admin/lock-summaries'),
  lockStale: cypher('admin/lock-summaries-stale'),
  maintained: cypher('admin/mark-summaries-maintained'),
  peopleOfContracts: cypher('impact/people-of-contracts'),
  sliceCounts: cypher('impact/insurer-summary-counts'),
  dropSlices: cypher('impact/delete-insurer-summary-pairs'),
  datedSliceCounts: cypher('impact/dated-insurer-summary-counts'),
  dropDatedSlices: cypher('impact/delete-dated-insurer-summary-pairs'),
  breachSets: cypher('crossbreach/breach-set-counts'),
  saveBreachSets: cypher('crossbreach/save-breach-set-summaries'),
  dropBreachSets: cypher('crossbreach/delete-breach-set-tenants'),
};

/** What the summary lock says about the stored summaries (cypher/admin/lock-summaries). */
interface LockRow {
  maintained: boolean;
  portfolioStale: boolean;
  /** How many summaries the last refresh left (null before any). */
  summaryCount: number | null;
}

/** What a refresh or delta did. */
export interface UpkeepResult {
  /** 'delta': patched by what the write touched; 'full': recounted (whole, or the breaches whose paths changed). */
  mode: 'delta' | 'full';
  /** Impact summaries written. */
  written: number;
}

/**
 * Refreshes the impact summaries and then the cross-breach counts in `db`, the transaction that
 * holds the summary lock, and marks them maintained (deltas may patch them from now on).
 * `sweepAll`: recount every breach (the portfolio changed); otherwise only breaches whose paths
 * changed are recounted for the impact summaries, and the cross-breach counts, which combine all
 * breaches, are recounted whole when any breach was (or the set of breaches changed).
 */
async function refreshInLock(db: RequestDb, sweepAll: boolean, onSwept?: (people: number) => void): Promise<UpkeepResult> {
  const impact = await refreshImpactSummaries(db, { sweepAll, onSwept });
  if (sweepAll || impact.swept.length > 0 || impact.breachesChanged) {
    await refreshBreachSetSummaries(db, impact.requests.map((r) => ({ key: r.breachId, referenceDate: r.referenceDate, paths: r.paths })), onSwept);
  }
  await db.read(Q.maintained);
  return { mode: 'full', written: impact.written };
}

/**
 * The summary refresh that follows a write which did not maintain the summaries itself (a seed
 * load, `registerBreach`, the end of an import past its incremental limit): one write
 * transaction takes the summary lock, recounts, stores and commits, so no delta commits while it
 * counts and a crash leaves the previous summaries whole. `portfolio` false (only catalogue rows
 * changed) recounts only the breaches whose paths changed, unless a portfolio write left the
 * summaries stale. Returns the number of impact summaries written.
 */
export async function refreshSummaries(executor: Executor, { portfolio, counter, onSwept }: { portfolio: boolean; counter?: RoundTripCounter; onSwept?: (people: number) => void }): Promise<number> {
  const result = await timed('full', () =>
    executor.admin().writeTransaction(
      'summaries/refresh',
      async (run) => {
        const [lock] = await run<LockRow>(Q.lock);
        return refreshInLock(txRequestDb(run), portfolio || lock.portfolioStale, onSwept);
      },
      counter,
    ),
  );
  return result.written;
}

/** Runs one summary transaction and announces how long it took and how it ended (summariesWritten). */
async function timed<T extends UpkeepResult>(mode: 'full' | 'delta', work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await work();
    // A delta that found the summaries unmaintained refreshed them whole instead.
    summariesWritten.emit({ mode: result.mode, seconds: (performance.now() - started) / 1000, outcome: 'committed' });
    return result;
  } catch (e) {
    summariesWritten.emit({ mode, seconds: (performance.now() - started) / 1000, outcome: 'failed' });
    throw e;
  }
}

/** What a portfolio write touches: the people it names and the contracts it writes. */
export interface Touched {
  people: string[];
  contracts: string[];
}

/**
 * Runs `write` (one statement that changes portfolio data: contracts, their beneficiaries) and
 * maintains every summary with it, in ONE write transaction, so a crash leaves nothing half
 * written and concurrent writers serialise:
 * 1. the summary lock (admin/lock-summaries): held to commit, so two imports never both patch
 *    counts read before the other's commit;
 * 2. S = the people the write names ∪ every beneficiary of the contracts it writes (read before
 *    it: it only adds beneficiaries, and those it adds are people it names), and the additive
 *    counts of S, impact and cross-breach, on the stored summaries' own paths;
 * 3. the write;
 * 4. the counts of S again; after − before is the write's exact change (counts add over disjoint
 *    people, a contract counts with its lowest beneficiary, all of whose beneficiaries are in S
 *    when the write touched it, and an untouched contract counts the same before and after);
 * 5. the stored counts patched, and everything readers use re-derived from them and written:
 *    summaries, insurer slices (created, updated, or dropped when emptied), network routes of the
 *    paths, cross-breach rows (dropped at zero), insurers' per-day changes (day-counts.ts; their
 *    after − before over S likewise, on breaches that have them).
 * When the summaries are not maintained (never refreshed by this version, the catalogue changed
 * since, a summary was deleted, or a write left them stale), the write is followed by a full refresh in the same
 * transaction instead, after which later writes are deltas again.
 */
export async function writeWithSummaries(executor: Executor, write: Step, touched: Touched, counter?: RoundTripCounter): Promise<UpkeepResult> {
  return timed('delta', () => deltaTransaction(executor, write, touched, counter));
}

/** The transaction of {@link writeWithSummaries}. */
async function deltaTransaction(executor: Executor, write: Step, touched: Touched, counter?: RoundTripCounter): Promise<UpkeepResult> {
  return executor.admin().writeTransaction(
    'summaries/delta',
    async (run) => {
      const db = txRequestDb(run);
      const [lock] = await run<LockRow>(Q.lock);
      const stored = await readStoredSummaries(db);
      const maintained = lock.maintained && lock.summaryCount === stored.size && [...stored.values()].every((s) => s.counts !== null && s.paths !== null && s.aggregates !== null && s.insurerSlices !== null);
      if (!maintained) {
        await run(write.query, write.params);
        return refreshInLock(db, true);
      }
      // The paths the stored counts were made on: a delta must patch counts with the same rule.
      // Dated summaries (documented dates) are patched alike; an incomplete one is left to the
      // next refresh (readers count that date live meanwhile).
      const storedDated = await readStoredDatedSummaries(db);
      const all: SummaryRequest[] = [...stored.values(), ...[...storedDated.values()].filter(isComplete)].flatMap((s) => {
        const answer = JSON.parse(s.paths!) as ImpactPathsRow;
        return s.referenceDate ? [{ key: impactKey(s), breachId: s.breachId, asOf: s.asOf, referenceDate: s.referenceDate, paths: answer.paths, answer }] : [];
      });
      const requests = all.filter((r) => r.asOf === null);
      const byBreach = requests.map((r) => ({ key: r.breachId, referenceDate: r.referenceDate, paths: r.paths }));
      const [{ keys }] = await run<{ keys: string[] }>(Q.peopleOfContracts, { contractIds: touched.contracts });
      const people = [...new Set([...touched.people, ...keys])].sort();
      // Insurers' per-day changes are patched on the breaches that have them (built by a refresh).
      const { built } = await readDayCounts(db, requests.map((r) => r.breachId), []);
      const daily = requests.filter((r) => built.has(r.breachId));
      const impactBefore = await sweepCounts(db, all, { keys: people });
      const setsBefore = await breachSetCounts(db, byBreach, { keys: people });
      const daysBefore = daily.length > 0 ? await sweepDayChanges(db, daily, { keys: people }) : new Map();
      await run(write.query, write.params);
      const impactAfter = await sweepCounts(db, all, { keys: people });
      const setsAfter = await breachSetCounts(db, byBreach, { keys: people });
      const daysAfter = daily.length > 0 ? await sweepDayChanges(db, daily, { keys: people }) : new Map();
      const storedByKey = new Map([...[...stored.values()].map((x) => [impactKey(x), x] as const), ...storedDated]);
      const written = await applyImpactDelta(db, all, differenceOf(impactAfter, impactBefore), storedByKey);
      await applyBreachSetDelta(db, breachSetDifference(setsAfter, setsBefore));
      const days = await patchDayCountSteps(db, daily, dayDifference(daysAfter, daysBefore), built);
      if (days.length > 0) await db.writeAll(days);
      return { mode: 'delta' as const, written };
    },
    counter,
  );
}

/**
 * Runs `write` (portfolio data) WITHOUT maintaining the summaries, for an import past its
 * incremental limit whose caller refreshes them whole at the end: it still takes the summary lock
 * first (so it never lands in a delta's or a refresh's middle), and marks the summaries stale in
 * the same transaction, so a crash before that refresh makes the next write refresh whole.
 */
export async function writeLeavingSummariesStale(executor: Executor, write: Step, counter?: RoundTripCounter): Promise<void> {
  await executor.admin().writeAll([{ query: Q.lockStale, params: {} }, write], counter);
}

/**
 * Patches the stored impact summaries and slices (reference-date and dated, `stored` by request
 * key) by `diff`, re-deriving what readers use (the aggregates JSON, slices, the paths' network
 * routes) exactly as a refresh derives them. Returns the number of summaries written.
 */
async function applyImpactDelta(db: RequestDb, requests: SummaryRequest[], diff: SweepCounts, stored: Map<string, { counts: string | null; insurerSlices: number | null }>): Promise<number> {
  const changed = requests.filter((r) => diff.has(r.key));
  if (changed.length === 0) return 0;
  const tenants = [...new Set(changed.flatMap((r) => [...diff.get(r.key)!.keys()].filter((t) => t !== ALL)))].sort();
  const storedSlices = new Map<string, GroupCounts>();
  if (tenants.length > 0) {
    const reference = changed.filter((r) => r.asOf === null);
    const dated = changed.filter((r) => r.asOf !== null);
    const rows = [
      ...(reference.length > 0 ? await db.read<{ breachId: string; insurerId: string; counts: string | null }>(Q.sliceCounts, { breachIds: reference.map((r) => r.breachId), tenants }) : []).map((r) => ({ ...r, asOf: null })),
      ...(dated.length > 0 ? await db.read<{ breachId: string; asOf: string; insurerId: string; counts: string | null }>(Q.datedSliceCounts, { keys: dated.map((r) => ({ breachId: r.breachId, asOf: r.asOf })), tenants }) : []),
    ];
    for (const row of rows) {
      if (row.counts === null) throw new Error(`insurer slice ${row.insurerId} of ${impactKey(row)} has no stored counts`);
      storedSlices.set(`${impactKey(row)}|${row.insurerId}`, JSON.parse(row.counts) as GroupCounts);
    }
  }
  const summaries: Step[] = [];
  const slices: SliceRow[] = [];
  const dropped: Array<{ breachId: string; asOf: string | null; insurerId: string }> = [];
  for (const r of changed) {
    const d = diff.get(r.key)!;
    const s = stored.get(r.key)!;
    let insurerSlices = s.insurerSlices!;
    for (const [tenant, change] of d) {
      if (tenant === ALL) continue;
      const had = storedSlices.get(`${r.key}|${tenant}`);
      const next = applyCounts(had ?? {}, change);
      if (isEmptyCounts(next)) {
        // A refresh writes no slice for an insurer the breach does not reach: neither does a delta.
        if (had) {
          dropped.push({ breachId: r.breachId, asOf: r.asOf, insurerId: tenant });
          insurerSlices -= 1;
        }
        continue;
      }
      if (!had) insurerSlices += 1;
      slices.push({ breachId: r.breachId, asOf: r.asOf, insurerId: tenant, referenceDate: r.referenceDate, aggregates: JSON.stringify(aggregatesOf(r.key, next, tenant)), counts: JSON.stringify(next) });
    }
    const all = applyCounts(JSON.parse(s.counts!) as GroupCounts, d.get(ALL) ?? {});
    summaries.push(saveSummaryStep(r, withRoutes(r.answer, all, d.get(ALL)), all, insurerSlices));
  }
  const steps: Step[] = [...summaries];
  const droppedReference = dropped.filter((x) => x.asOf === null);
  const droppedDated = dropped.filter((x) => x.asOf !== null);
  if (droppedReference.length > 0) steps.push({ query: Q.dropSlices, params: { pairs: droppedReference } });
  if (droppedDated.length > 0) steps.push({ query: Q.dropDatedSlices, params: { pairs: droppedDated } });
  steps.push(...saveSliceSteps(slices));
  await db.writeAll(steps);
  return summaries.length;
}

/**
 * The paths with their network routes (the care networks their reached contracts go through)
 * following the patched counts: only paths whose routes changed are touched, and a route keeps
 * its place, so a path the write did not change stays byte for byte what a refresh stored.
 */
function withRoutes(answer: ImpactPathsRow, all: GroupCounts, change: GroupCounts | undefined): ImpactPathsRow {
  if (!change?.route) return answer;
  const routes = networkRoutesOf(all);
  return {
    ...answer,
    paths: answer.paths.map((p) => {
      const key = routeKey(p);
      if (key === null) return p;
      const now = new Set(routes.get(key) ?? []);
      const kept = (p.networkRoutes ?? []).filter((n) => now.has(n));
      const added = [...now].filter((n) => !kept.includes(n)).sort();
      return { ...p, networkRoutes: [...kept, ...added] };
    }),
  };
}

/** after − before per tenant and signature (rows reaching 0/0 absent). */
function breachSetDifference(after: BreachSetCounts, before: BreachSetCounts): BreachSetCounts {
  const out: BreachSetCounts = new Map();
  const rowsOf = (sums: BreachSetCounts, sign: number) =>
    [...sums].flatMap(([tenant, rows]) =>
      [...rows.values()].flatMap((r) => [
        { kind: 'people' as const, tenant: tenant === ALL_TENANTS ? null : tenant, signature: r.signature, n: sign * r.people },
        { kind: 'contracts' as const, tenant: tenant === ALL_TENANTS ? null : tenant, signature: r.signature, n: sign * r.contracts },
      ]),
    );
  addBreachSetRows(out, [...rowsOf(after, 1), ...rowsOf(before, -1)].filter((g) => g.n !== 0));
  return out;
}

/** Patches the stored cross-breach rows of the tenants `diff` names; tenants left with none are dropped ('*' is kept). */
async function applyBreachSetDelta(db: RequestDb, diff: BreachSetCounts): Promise<void> {
  if (diff.size === 0) return;
  const tenants = [...new Set([ALL_TENANTS, ...diff.keys()])].sort();
  const stored = await db.read<{ tenant: string; rows: string; referenceDates: string }>(Q.breachSets, { tenants });
  const all = stored.find((s) => s.tenant === ALL_TENANTS);
  // Maintained summaries always have the every-insurer row when some breach is counted.
  if (!all) throw new Error('the cross-breach counts are not stored: they cannot be patched');
  const storedRows = new Map(stored.map((s) => [s.tenant, JSON.parse(s.rows) as BreachSetRow[]]));
  const sums: BreachSetCounts = new Map();
  for (const [tenant, rows] of storedRows) sums.set(tenant, new Map(rows.map((r) => [JSON.stringify(r.signature), { ...r }])));
  const rowsOf = (counts: BreachSetCounts) =>
    [...counts].flatMap(([tenant, rows]) =>
      [...rows.values()].flatMap((r) => [
        { kind: 'people' as const, tenant: tenant === ALL_TENANTS ? null : tenant, signature: r.signature, n: r.people },
        { kind: 'contracts' as const, tenant: tenant === ALL_TENANTS ? null : tenant, signature: r.signature, n: r.contracts },
      ]),
    );
  addBreachSetRows(sums, rowsOf(diff).filter((g) => g.n !== 0));
  const summaries: Array<{ tenant: string; rows: string; referenceDates: string }> = [];
  const emptied: string[] = [];
  for (const tenant of tenants) {
    const rows = sums.get(tenant);
    for (const r of rows?.values() ?? []) {
      if (r.people < 0 || r.contracts < 0) throw new Error(`cross-breach counts went negative for ${tenant}: the stored counts do not match the graph`);
    }
    if ((!rows || rows.size === 0) && tenant !== ALL_TENANTS) emptied.push(tenant);
    else summaries.push({ tenant, rows: JSON.stringify(rows ? sortedRows(rows) : []), referenceDates: all.referenceDates });
  }
  const version = randomUUID();
  const steps: Step[] = [];
  if (emptied.length > 0) steps.push({ query: Q.dropBreachSets, params: { tenants: emptied } });
  for (let i = 0; i < summaries.length; i += SAVE_BATCH) steps.push({ query: Q.saveBreachSets, params: { summaries: summaries.slice(i, i + SAVE_BATCH), version } });
  await db.writeAll(steps);
}
