import { cypher } from '../../db/cypher-files';
import type { Step } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import { listBreaches } from '../breach/breach.repository';
import { sweepCounts } from './contract-aggregates-sweep';
import { rebuildDayCountSteps, sweepDayChanges } from './day-counts';
import { countBasis, countByDifference, datedSummaryRequests, isComplete, readStoredDatedSummaries, StoredSummaryRow, SummaryRequest, withCountedRoutes } from './dated-summaries';
import { impactKey, impactPaths } from './impact.repository';
import type { ImpactPathsRow } from './impact.rows';
import { aggregatesOf, ALL, GroupCounts } from './summary-counts';

export { countBasis };
export type { StoredSummaryRow, SummaryRequest };

const Q = {
  stored: cypher('impact/maintained-summaries'),
  save: cypher('impact/save-summary'),
  saveDated: cypher('impact/save-dated-summary'),
  orphans: cypher('impact/delete-orphan-summaries'),
  datedOrphans: cypher('impact/delete-orphan-dated-summaries'),
  dropSlices: cypher('impact/delete-insurer-summaries'),
  dropDatedSlices: cypher('impact/delete-dated-insurer-summaries'),
  saveSlices: cypher('impact/save-insurer-summaries'),
  saveDatedSlices: cypher('impact/save-dated-insurer-summaries'),
};

/** Insurer slices per UNWIND statement: a few statements for ~400 insurers × a few breaches, each small enough to stay well inside one transaction's memory. */
export const SLICE_BATCH = 500;

/** Every stored reference-date summary, by breach id, read through `db` (inside the upkeep's transaction). */
export async function readStoredSummaries(db: RequestDb): Promise<Map<string, StoredSummaryRow>> {
  return new Map((await db.read<Omit<StoredSummaryRow, 'asOf'>>(Q.stored)).map((r) => [r.breachId, { ...r, asOf: null }]));
}

/**
 * The statement that stores one summary (reference-date or dated) with `all` as its every-insurer
 * counts and `answer` as its paths; `aggregates` (JSON) when already derived from them.
 */
export function saveSummaryStep(r: SummaryRequest, answer: ImpactPathsRow, all: GroupCounts, insurerSlices: number, aggregates = JSON.stringify(aggregatesOf(r.key, all))): Step {
  const params = { breachId: r.breachId, referenceDate: r.referenceDate, paths: JSON.stringify(answer), aggregates, counts: JSON.stringify(all), insurerSlices };
  return r.asOf === null ? { query: Q.save, params } : { query: Q.saveDated, params: { ...params, asOf: r.asOf } };
}

/** One insurer slice to store, as save-insurer-summaries and save-dated-insurer-summaries take it. */
export interface SliceRow {
  breachId: string;
  asOf: string | null;
  insurerId: string;
  referenceDate: string;
  aggregates: string;
  counts: string;
}

/** The statements that store `slices`, reference-date and dated ones apart, in batches of SLICE_BATCH. */
export function saveSliceSteps(slices: SliceRow[]): Step[] {
  const steps: Step[] = [];
  for (const [query, rows] of [
    [Q.saveSlices, slices.filter((s) => s.asOf === null)],
    [Q.saveDatedSlices, slices.filter((s) => s.asOf !== null)],
  ] as const) {
    for (let i = 0; i < rows.length; i += SLICE_BATCH) steps.push({ query, params: { slices: rows.slice(i, i + SLICE_BATCH) } });
  }
  return steps;
}

/** What a refresh did, for the cross-breach refresh that follows it in the same transaction. */
export interface ImpactRefresh {
  /** Summaries written (reference-date and dated). */
  written: number;
  /** Breaches whose reference-date summary was recounted (the others kept their counts and slices). */
  swept: string[];
  /** Every breach with a reference date, with its paths, in list order (reference dates only). */
  requests: SummaryRequest[];
  /** Whether the breaches with a summary changed (some gained or lost their reference date). */
  breachesChanged: boolean;
}

/**
 * Recomputes the breaches' summaries and stores them, through `db`, which is the transaction
 * holding the summary lock (admin/lock-summaries; see after-write.ts): no delta commits while it
 * counts, and it commits with what it counted. A summary is the contract-level totals of a breach
 * (all tenants; the additive counts they derive from; every insurer's own slice; its paths with
 * their network routes) on its default reference date (:ImpactSummary) and on each other date a
 * disclosure-controlled caller may ask for, its documented event dates (:DatedImpactSummary), so
 * that a regulator's `breachImpact(asOf:)` is read, not counted live over the nation.
 *
 * `sweepAll` (the portfolio changed: a seed load, a bulk import past the incremental limit)
 * recounts every summary. Otherwise (a catalogue write: registerBreach, a flow change) only those
 * whose count basis changed, or that are missing, are recounted; the others keep their counts,
 * aggregates and slices, and get their fresh paths. A recount reads the people in chunks
 * (sweepCounts), so a national breach never has to fit in one statement's memory; a dated
 * summary whose paths are the reference date's is counted by difference over the people whose
 * contracts started or ended between the two dates (countByDifference), not by another sweep.
 * Recounted breaches also get every insurer's per-day changes (day-counts.ts), rebuilt by one
 * more walk over the people, which an insurer's count on a date of its choice reads.
 * `onSwept` hears how many people have been counted so far, for a progress bar.
 */
export async function refreshImpactSummaries(db: RequestDb, { sweepAll, onSwept }: { sweepAll: boolean; onSwept?: (people: number) => void }): Promise<ImpactRefresh> {
  const breaches = await listBreaches(db);
  const answers = await impactPaths(db, breaches.map((b) => ({ breachId: b.id, asOf: null, routes: false })), null);
  const stored = await readStoredSummaries(db);
  const storedDated = await readStoredDatedSummaries(db);
  const requests: SummaryRequest[] = answers.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), breachId: a.breachId, asOf: null, referenceDate: a.referenceDate, paths: a.paths, answer: a }] : []));
  const dated = await datedSummaryRequests(db, answers);
  const storedOf = (r: SummaryRequest) => (r.asOf === null ? stored.get(r.breachId) : storedDated.get(r.key));
  const unchanged = (r: SummaryRequest) => {
    const s = storedOf(r);
    if (sweepAll || !s || !isComplete(s)) return false;
    return countBasis(s.referenceDate!, (JSON.parse(s.paths!) as ImpactPathsRow).paths) === countBasis(r.referenceDate, r.paths);
  };
  const toSweep = requests.filter((r) => !unchanged(r));
  const datedToCount = dated.filter((r) => !unchanged(r));
  // Dated summaries of breaches swept now are counted by difference; the others (their paths
  // differ from the reference date's, or the reference kept its counts) join the sweep. Which
  // ones is known before sweeping only by their paths, so the check is made twice: cheap.
  const swept = new Set(toSweep.map((r) => r.breachId));
  const byDifference = datedToCount.filter((q) => swept.has(q.breachId) && countBasis('', q.paths) === countBasis('', toSweep.find((r) => r.breachId === q.breachId)!.paths));
  const sweptWhole = datedToCount.filter((q) => !byDifference.includes(q));
  const all = [...toSweep, ...sweptWhole];
  const counts = all.length > 0 ? await sweepCounts(db, all, { onChunk: onSwept }) : new Map<string, Map<string, GroupCounts>>();
  // Every insurer's per-day changes on the recounted breaches' reference-date paths, so that an
  // insurer's own date is read from them (day-counts.ts): one more walk over the people.
  const daySums = toSweep.length > 0 ? await sweepDayChanges(db, toSweep, { onChunk: onSwept }) : new Map();
  const left = await countByDifference(db, byDifference, toSweep, counts);
  if (left.length > 0) throw new Error(`dated summaries ${left.map((r) => r.key).join(', ')} could not be counted by difference`);
  const summaries: Step[] = [];
  const slices: SliceRow[] = [];
  const recounted = new Set([...toSweep, ...datedToCount].map((r) => r.key));
  for (const r of [...requests, ...dated]) {
    if (!recounted.has(r.key)) {
      // Same count basis: the stored counts still hold; only the paths' text is rewritten.
      const s = storedOf(r)!;
      const own = JSON.parse(s.counts!) as GroupCounts;
      summaries.push(saveSummaryStep(r, withCountedRoutes(r.answer, own), own, s.insurerSlices!, s.aggregates!));
      continue;
    }
    const byTenant = counts.get(r.key) ?? new Map<string, GroupCounts>();
    const tenants = [...byTenant.keys()].filter((t) => t !== ALL).sort();
    const everyone = byTenant.get(ALL) ?? {};
    summaries.push(saveSummaryStep(r, withCountedRoutes(r.answer, everyone), everyone, tenants.length));
    for (const t of tenants) {
      const own = byTenant.get(t)!;
      slices.push({ breachId: r.breachId, asOf: r.asOf, insurerId: t, referenceDate: r.referenceDate, aggregates: JSON.stringify(aggregatesOf(r.key, own, t)), counts: JSON.stringify(own) });
    }
  }
  // Old slices of recounted summaries go first, so a slice of an insurer no longer reached cannot survive.
  const drop: Step[] = [
    { query: Q.dropSlices, params: { breachIds: [...swept] } },
    { query: Q.dropDatedSlices, params: { keys: datedToCount.map((r) => ({ breachId: r.breachId, asOf: r.asOf })) } },
  ];
  const orphans: Step[] = [
    { query: Q.orphans, params: { keep: requests.map((r) => r.breachId) } },
    { query: Q.datedOrphans, params: { keep: dated.map((r) => r.key) } },
  ];
  const days = toSweep.length > 0 ? rebuildDayCountSteps(toSweep, daySums) : [];
  await db.writeAll([...summaries, ...drop, ...saveSliceSteps(slices), ...days, ...orphans]);
  const before = [...stored.keys()].sort().join('\n');
  const after = requests.map((r) => r.breachId).sort().join('\n');
  return { written: summaries.length, swept: [...swept], requests, breachesChanged: before !== after };
}
