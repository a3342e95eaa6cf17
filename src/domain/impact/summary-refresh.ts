import { cypher } from '../../db/cypher-files';
import type { Step } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import { listBreaches } from '../breach/breach.repository';
import { sweepCounts } from './contract-aggregates-sweep';
import { impactKey, impactPaths, type AggregatesRequest } from './impact.repository';
import type { ImpactPathRow, ImpactPathsRow } from './impact.rows';
import { aggregatesOf, ALL, routeKey } from './summary-counts';

const Q = {
  stored: cypher('impact/maintained-summaries'),
  save: cypher('impact/save-summary'),
  orphans: cypher('impact/delete-orphan-summaries'),
  dropSlices: cypher('impact/delete-insurer-summaries'),
  saveSlices: cypher('impact/save-insurer-summaries'),
};

/** Insurer slices per UNWIND statement: a few statements for ~400 insurers × a few breaches, each small enough to stay well inside one transaction's memory. */
export const SLICE_BATCH = 500;

/** A stored :ImpactSummary as the upkeep reads it (cypher/impact/maintained-summaries). */
export interface StoredSummaryRow {
  breachId: string;
  referenceDate: string | null;
  paths: string | null;
  aggregates: string | null;
  counts: string | null;
  insurerSlices: number | null;
}

/** Every stored summary, by breach id, read through `db` (inside the upkeep's transaction). */
export async function readStoredSummaries(db: RequestDb): Promise<Map<string, StoredSummaryRow>> {
  return new Map((await db.read<StoredSummaryRow>(Q.stored)).map((r) => [r.breachId, r]));
}

/** A summary request: a breach on its default reference date, with its paths. */
export interface SummaryRequest extends AggregatesRequest {
  breachId: string;
}

/**
 * What a breach's counts depend on: its reference date and, per path, the fields the sweep's
 * reach rule and grouping read. Two answers with the same basis count the same people the same
 * way, so a refresh after a catalogue write keeps the summaries of breaches whose basis did not
 * change (notes, sources and network routes may differ: those are rewritten, not recounted).
 */
export function countBasis(referenceDate: string, paths: ImpactPathRow[]): string {
  const rows = paths.map((p) =>
    JSON.stringify([p.populationId, p.operatorId, p.basis, p.controllerId, p.viaId, p.exposedCategoryIds, p.populationCutOff, p.flowValidFrom, p.flowValidTo, p.retentionMonths, routeKey(p)]),
  );
  return JSON.stringify([referenceDate, [...new Set(rows)].sort()]);
}

/** What a refresh did, for the cross-breach refresh that follows it in the same transaction. */
export interface ImpactRefresh {
  /** Summaries written. */
  written: number;
  /** Breaches recounted (the others kept their counts and slices). */
  swept: string[];
  /** Every breach with a reference date, with its paths, in list order. */
  requests: SummaryRequest[];
  /** Whether the breaches with a summary changed (some gained or lost their reference date). */
  breachesChanged: boolean;
}

/**
 * Recomputes the breaches' summaries (contract-level totals on their default reference date, all
 * tenants; the additive counts they derive from; every insurer's own slice) and stores them,
 * through `db`, which is the transaction holding the summary lock (admin/lock-summaries; see
 * after-write.ts): no delta commits while it counts, and it commits with what it counted.
 *
 * `sweepAll` (the portfolio changed: a seed load, a bulk import past the incremental limit)
 * recounts every breach. Otherwise (a catalogue write: registerBreach, a flow change) only the
 * breaches whose count basis changed are recounted; the others keep their counts, aggregates and
 * slices, and get their fresh paths. A recount reads the people in chunks (sweepCounts), so a
 * national breach never has to fit in one statement's memory. `onSwept` hears how many people
 * have been counted so far, for a progress bar.
 */
export async function refreshImpactSummaries(db: RequestDb, { sweepAll, onSwept }: { sweepAll: boolean; onSwept?: (people: number) => void }): Promise<ImpactRefresh> {
  const breaches = await listBreaches(db);
  const answers = await impactPaths(db, breaches.map((b) => ({ breachId: b.id, asOf: null })), null);
  const stored = await readStoredSummaries(db);
  const requests: SummaryRequest[] = answers.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), breachId: a.breachId, referenceDate: a.referenceDate, paths: a.paths }] : []));
  const unchanged = (r: SummaryRequest) => {
    const s = stored.get(r.breachId);
    if (!s || s.counts === null || s.aggregates === null || s.insurerSlices === null || s.paths === null || s.referenceDate === null) return false;
    return countBasis(s.referenceDate, (JSON.parse(s.paths) as ImpactPathsRow).paths) === countBasis(r.referenceDate, r.paths);
  };
  const toSweep = sweepAll ? requests : requests.filter((r) => !unchanged(r));
  const counts = toSweep.length > 0 ? await sweepCounts(db, toSweep, { onChunk: onSwept }) : new Map();
  const answerOf = new Map(answers.map((a) => [a.breachId, a]));
  const summaries: Step[] = [];
  const slices: Array<{ breachId: string; insurerId: string; referenceDate: string; aggregates: string; counts: string }> = [];
  const swept = new Set(toSweep.map((r) => r.breachId));
  for (const r of requests) {
    const paths = JSON.stringify(answerOf.get(r.breachId));
    if (!swept.has(r.breachId)) {
      // Same count basis: the stored counts still hold; only the paths' text is rewritten.
      const s = stored.get(r.breachId)!;
      summaries.push({ query: Q.save, params: { breachId: r.breachId, referenceDate: r.referenceDate, paths, aggregates: s.aggregates, counts: s.counts, insurerSlices: s.insurerSlices } });
      continue;
    }
    const byTenant = counts.get(r.key) ?? new Map();
    const tenants = [...byTenant.keys()].filter((t) => t !== ALL).sort();
    const all = byTenant.get(ALL) ?? {};
    summaries.push({
      query: Q.save,
      params: { breachId: r.breachId, referenceDate: r.referenceDate, paths, aggregates: JSON.stringify(aggregatesOf(r.key, all)), counts: JSON.stringify(all), insurerSlices: tenants.length },
    });
    for (const t of tenants) {
      const own = byTenant.get(t)!;
      slices.push({ breachId: r.breachId, insurerId: t, referenceDate: r.referenceDate, aggregates: JSON.stringify(aggregatesOf(r.key, own, t)), counts: JSON.stringify(own) });
    }
  }
  const sliceSteps: Step[] = [];
  for (let i = 0; i < slices.length; i += SLICE_BATCH) sliceSteps.push({ query: Q.saveSlices, params: { slices: slices.slice(i, i + SLICE_BATCH) } });
  // Old slices of recounted breaches go first, so a slice of an insurer no longer reached cannot survive.
  await db.writeAll([...summaries, { query: Q.dropSlices, params: { breachIds: [...swept] } }, ...sliceSteps, { query: Q.orphans, params: { keep: requests.map((r) => r.breachId) } }]);
  const before = [...stored.keys()].sort().join('\n');
  const after = requests.map((r) => r.breachId).sort().join('\n');
  return { written: summaries.length, swept: [...swept], requests, breachesChanged: before !== after };
}
