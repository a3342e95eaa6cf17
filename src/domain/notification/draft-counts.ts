import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import { contractAggregates, impactPaths } from '../impact/impact.repository';
import { addDays } from './duties';
import type { PortfolioCoverageRow } from '../impact/portfolio-coverage';

const Q = { window: cypher('notification/draft-window') };

/** Reference-date bases that date the intrusion itself (a count on that date is exact in time). */
export const EXACT_BASES = ['INTRUSION', 'DETECTION'] as const;

/** How far before a breach's first notice a related breach's intrusion may lie to bound its window (days). */
export const RELATED_BREACH_MAX_DAYS = 30;

/** The dates a controller's count is taken on, and why. */
export interface DraftWindow {
  /** First and last date counted; null when the breach has no dated event at all. */
  from: string | null;
  to: string | null;
  /** True when one known date is counted (the intrusion or detection is dated). */
  exact: boolean;
  /** Every day from `from` to `to`. */
  dates: string[];
  referenceDate: string | null;
  referenceDateBasis: string;
  /** The breach whose dated intrusion gives `from`, when the breach's own is unknown. */
  relatedBreachId: string | null;
  /** The window in words, with its assumptions. */
  note: string;
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The window of a breach's count (cypher/notification/draft-window): its own reference date when
 * that dates the intrusion or detection (exact); else, when the breach is dated only by a notice,
 * every day from the earliest dated intrusion of another breach of the graph in the 30 days
 * before (the same campaign, by assumption, said in the note) to that notice; else, with nothing
 * to bound it, the notice date alone (said as such).
 */
export async function draftWindow(db: RequestDb, breachId: string): Promise<DraftWindow> {
  const [row] = await db.read<{ referenceDate: string | null; referenceDateBasis: string; related: { id: string; date: string } | null }>(Q.window, {
    breachId,
    exactBases: [...EXACT_BASES],
    maxDays: RELATED_BREACH_MAX_DAYS,
  });
  const to = row?.referenceDate ?? null;
  const basis = row?.referenceDateBasis ?? 'UNKNOWN';
  if (to === null) return { from: null, to: null, exact: false, dates: [], referenceDate: null, referenceDateBasis: basis, relatedBreachId: null, note: 'unknown: the breach has no dated event, so no count can be dated' };
  if ((EXACT_BASES as readonly string[]).includes(basis)) {
    return { from: to, to, exact: true, dates: [to], referenceDate: to, referenceDateBasis: basis, relatedBreachId: null, note: `counted on ${to}, the breach’s first dated ${basis === 'INTRUSION' ? 'intrusion or data collection' : 'detection'}` };
  }
  const related = row.related;
  if (related === null) {
    return { from: to, to, exact: false, dates: [to], referenceDate: to, referenceDateBasis: basis, relatedBreachId: null, note: `the intrusion date is unknown and nothing in the record bounds it from below: counted on ${to}, the first notice, only (people whose contracts started earlier and were no longer held may be missed)` };
  }
  return {
    from: related.date,
    to,
    exact: false,
    dates: daysBetween(related.date, to),
    referenceDate: to,
    referenceDateBasis: basis,
    relatedBreachId: related.id,
    note: `the intrusion date is unknown: counted on every day from ${related.date} (the earliest dated intrusion of ${related.id}, assumed to be the same campaign) to ${to} (the first notice, before which the intrusion happened); the range is the smallest and largest count over those days`,
  };
}

/** A count over the window: smallest and largest, and the days they occur on. */
export interface CountRange {
  min: number;
  max: number;
  minOn: string;
  maxOn: string;
}

/** The smallest and largest of per-day counts (the earliest day wins ties); null for no days. */
export function rangeOf(counts: ReadonlyArray<{ date: string; value: number }>): CountRange | null {
  if (counts.length === 0) return null;
  let lo = counts[0];
  let hi = counts[0];
  for (const c of counts) {
    if (c.value < lo.value) lo = c;
    if (c.value > hi.value) hi = c;
  }
  return { min: lo.value, max: hi.value, minOn: lo.date, maxOn: hi.date };
}

/**
 * One controller's people and contracts on each day of `dates`, through the one reach rule (the
 * impact repository, confined to the controller as its own tenant), in two statements whatever
 * the number of days.
 */
export async function controllerCounts(db: RequestDb, breachId: string, controllerId: string, dates: string[]): Promise<{ people: CountRange | null; contracts: CountRange | null }> {
  if (dates.length === 0) return { people: null, contracts: null };
  const paths = await impactPaths(db, dates.map((asOf) => ({ breachId, asOf })), controllerId);
  const requests = paths.filter((p) => p.referenceDate !== null).map((p) => ({ key: p.referenceDate as string, referenceDate: p.referenceDate as string, paths: p.paths }));
  const rows = await contractAggregates(db, requests, controllerId);
  const byDate = new Map(rows.map((r) => [r.key, r]));
  const perDay = dates.map((date) => ({ date, people: byDate.get(date)?.people ?? 0, contracts: byDate.get(date)?.contracts ?? 0 }));
  return { people: rangeOf(perDay.map((d) => ({ date: d.date, value: d.people }))), contracts: rangeOf(perDay.map((d) => ({ date: d.date, value: d.contracts }))) };
}

/** Which portfolio the graph holds for an insurer. */
export interface PortfolioCoverage {
  synthetic: boolean;
  imported: boolean;
}

/**
 * The draft's reading of an insurer's portfolio coverage. Whether a portfolio is loaded, and of
 * which origin, is the impact rule's (domain/impact/portfolio-coverage, one owner): synthetic
 * when the seeded demonstration portfolio is among its sources, imported (real contracts) for
 * any other origin.
 */
export function portfolioKinds(row: PortfolioCoverageRow | null | undefined): PortfolioCoverage {
  if (!row || row.status !== 'PORTFOLIO_LOADED') return { synthetic: false, imported: false };
  return { synthetic: row.sources.includes('SYNTHETIC'), imported: row.sources.some((s) => s !== 'SYNTHETIC') };
}
