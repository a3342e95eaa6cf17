import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import { eventsByBreachIds } from '../breach/breach.repository';
import { documentedDates } from '../disclosure/disclosure-policy';
import { sweepCounts } from './contract-aggregates-sweep';
import { changeWindows, DateWindow } from './date-windows';
import { AggregatesRequest, impactKey, impactPaths } from './impact.repository';
import type { ImpactPathRow, ImpactPathsRow } from './impact.rows';
import { applyCounts, differenceOf, GroupCounts, networkRoutesOf, routeKey, SweepCounts, withNetworkRoutes } from './summary-counts';

const Q = {
  stored: cypher('impact/maintained-dated-summaries'),
  peopleOfWindows: cypher('impact/people-of-date-windows'),
};

/** A summary request: a breach on its default reference date (asOf null) or on one of its other documented dates. */
export interface SummaryRequest extends AggregatesRequest {
  breachId: string;
  /** null: the breach's own reference date (:ImpactSummary); else a documented date (:DatedImpactSummary). */
  asOf: string | null;
  /** The impact-paths answer the counts are made on (its networkRoutes are filled from the counts when stored). */
  answer: ImpactPathsRow;
}

/** A stored summary as the upkeep reads it (cypher/impact/maintained-summaries and maintained-dated-summaries). */
export interface StoredSummaryRow {
  breachId: string;
  /** null for a reference-date summary. */
  asOf: string | null;
  referenceDate: string | null;
  paths: string | null;
  aggregates: string | null;
  counts: string | null;
  insurerSlices: number | null;
}

/** Whether a stored summary holds everything a delta patches. */
export function isComplete(s: StoredSummaryRow): boolean {
  return s.counts !== null && s.paths !== null && s.aggregates !== null && s.insurerSlices !== null && s.referenceDate !== null;
}

/** Every stored dated summary, by request key (impactKey), read through `db`. */
export async function readStoredDatedSummaries(db: RequestDb): Promise<Map<string, StoredSummaryRow>> {
  const rows = await db.read<Omit<StoredSummaryRow, 'referenceDate'>>(Q.stored);
  return new Map(rows.map((r) => [impactKey(r), { ...r, referenceDate: r.asOf }]));
}

/**
 * What a breach's counts depend on: its reference date and, per path, the fields the sweep's
 * reach rule and grouping read. Two answers with the same basis count the same people the same
 * way, so a refresh after a catalogue write keeps the summaries of breaches whose basis did not
 * change (notes, sources and network routes may differ: those are rewritten, not recounted).
 * With `referenceDate` '' it compares paths alone (see {@link datedSummaryRequests}).
 */
export function countBasis(referenceDate: string, paths: ImpactPathRow[]): string {
  const rows = paths.map((p) =>
    JSON.stringify([p.populationId, p.operatorId, p.basis, p.controllerId, p.viaId, p.exposedCategoryIds, p.populationCutOff, p.flowValidFrom, p.flowValidTo, p.retentionMonths, routeKey(p)]),
  );
  return JSON.stringify([referenceDate, [...new Set(rows)].sort()]);
}

/**
 * The dated summary requests of breaches whose reference-date answers are `answers`: every date
 * a disclosure-controlled caller may count on (disclosure-policy's documentedDates) other than
 * the reference date itself, with its paths on that date (walked without network routes: the
 * refresh derives those from its counts). Breaches without a reference date have none.
 */
export async function datedSummaryRequests(db: RequestDb, answers: ImpactPathsRow[]): Promise<SummaryRequest[]> {
  const dated = answers.filter((a) => a.referenceDate !== null);
  if (dated.length === 0) return [];
  const events = await eventsByBreachIds(db, dated.map((a) => a.breachId));
  const keys = dated.flatMap((a) =>
    documentedDates(events.filter((e) => e.key === a.breachId).map((e) => e.row.date))
      .filter((d) => d !== a.referenceDate)
      .map((asOf) => ({ breachId: a.breachId, asOf, routes: false })),
  );
  if (keys.length === 0) return [];
  const rows = await impactPaths(db, keys, null);
  return rows.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), breachId: a.breachId, asOf: a.asOf, referenceDate: a.referenceDate, paths: a.paths, answer: a }] : []));
}

/**
 * Counts dated requests by difference from their breach's reference-date counts, which `counts`
 * already holds (a full sweep's): when a dated request has the same paths as the reference date
 * (countBasis without the date), only the contracts changeWindows names can count differently, so
 * its counts are the reference counts plus (its counts − the reference's) over the beneficiaries
 * of those contracts, a small set found on the start and end date indexes: a breach's few
 * documented dates then cost a sweep of the people who joined or left between them, not of the
 * nation. Adds the results to `counts`; returns the dated requests it could not count so (their
 * paths differ: the caller sweeps them whole).
 */
export async function countByDifference(db: RequestDb, dated: SummaryRequest[], references: SummaryRequest[], counts: SweepCounts): Promise<SummaryRequest[]> {
  const refOf = new Map(references.map((r) => [r.breachId, r]));
  const pairs: Array<{ ref: SummaryRequest; dated: SummaryRequest }> = [];
  const rest: SummaryRequest[] = [];
  for (const q of dated) {
    const ref = refOf.get(q.breachId);
    if (ref && countBasis('', ref.paths) === countBasis('', q.paths)) pairs.push({ ref, dated: q });
    else rest.push(q);
  }
  if (pairs.length === 0) return rest;
  const startWindows: DateWindow[] = [];
  const endWindows: DateWindow[] = [];
  for (const { ref, dated: q } of pairs) {
    const w = changeWindows(ref.referenceDate, q.referenceDate, q.paths.map((p) => p.retentionMonths));
    startWindows.push(...w.startWindows);
    endWindows.push(...w.endWindows);
  }
  const [{ keys }] = await db.read<{ keys: string[] }>(Q.peopleOfWindows, { startWindows, endWindows });
  const refs = [...new Set(pairs.map((p) => p.ref))];
  const window = keys.length > 0 ? await sweepCounts(db, [...refs, ...pairs.map((p) => p.dated)], { keys: keys.sort() }) : new Map();
  for (const { ref, dated: q } of pairs) {
    // (dated − reference) over the window's people, per tenant, added to the reference counts.
    const change = differenceOf(new Map([['x', window.get(q.key) ?? new Map()]]), new Map([['x', window.get(ref.key) ?? new Map()]])).get('x') ?? new Map<string, GroupCounts>();
    const base = counts.get(ref.key) ?? new Map<string, GroupCounts>();
    const out = new Map<string, GroupCounts>();
    for (const tenant of new Set([...base.keys(), ...change.keys()])) {
      const next = applyCounts(base.get(tenant) ?? {}, change.get(tenant) ?? {});
      if (Object.keys(next).length > 0) out.set(tenant, next);
    }
    if (out.size > 0) counts.set(q.key, out);
  }
  return rest;
}

/** `answer` with every path's network routes as `all` (every-insurer counts) gives them, sorted; [] through an intermediary. */
export function withCountedRoutes(answer: ImpactPathsRow, all: GroupCounts): ImpactPathsRow {
  return { ...answer, paths: withNetworkRoutes(answer.paths, networkRoutesOf(all)) };
}
