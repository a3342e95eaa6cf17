import type { Disclosed } from '../disclosure/disclosure-policy';
import { insuredPaths, insurerIdsOf, uniq, type CategoryImpactRoot, type InsurerImpactRoot, type TotalsRoot } from './breakdown';
import type { ImpactPathsRow } from './impact.rows';
import type { CountSource, PortfolioCoverageRow } from './portfolio-coverage';

/**
 * Where an impact answer's counts come from, and what they cannot see (#11 §1): counts are of the
 * contract portfolios loaded in the graph, so an insurer with none loaded is unknown (null), never
 * a 0 that reads as "not affected", and totals over insurers are a lower bound when some are
 * unknown. Applied after disclosure control, which counts an unloaded insurer as the 0 it adds.
 */

/** Totals with the coverage behind them. */
export type CoveredTotals = Disclosed<TotalsRoot> & {
  breachId: string;
  sources: CountSource[];
  lowerBound: boolean;
  insurersWithPortfolio: number;
  insurersWithoutPortfolioIds: string[];
};

/** An insurer's share with its portfolio coverage. */
export type CoveredInsurer = Disclosed<InsurerImpactRoot> & { coverage: PortfolioCoverageRow };

/** A category's share of one breach; insured counts null when the category was not exposed for insured people. */
export type CoveredCategory = Disclosed<CategoryImpactRoot> & { breachId: string };

// Unknown, not withheld: `suppressed` keeps what disclosure control decided (an ADMIN's cells stay suppressed).
const unknown = { people: null, contracts: null } as const;

/** The coverage of one insurer, NO_PORTFOLIO_LOADED when the map does not have it. */
function coverageFor(coverage: ReadonlyMap<string, PortfolioCoverageRow>, insurerId: string): PortfolioCoverageRow {
  return coverage.get(insurerId) ?? { insurerId, status: 'NO_PORTFOLIO_LOADED', sources: [], datasets: [], lastImportedAt: null };
}

/**
 * Totals with their sources (the origins of the loaded portfolios of the insurers reached) and
 * whether they are a lower bound: true when an insurer reached has no portfolio loaded, or an
 * insured path has no known controller (a broker's clients). When no insurer reached has a
 * portfolio loaded, insured people are not counted at all: people and contracts are null.
 */
export function coveredTotals(totals: Disclosed<TotalsRoot>, paths: ImpactPathsRow, coverage: ReadonlyMap<string, PortfolioCoverageRow>): CoveredTotals {
  const ids = insurerIdsOf(paths);
  const loaded = ids.filter((id) => coverageFor(coverage, id).status === 'PORTFOLIO_LOADED');
  const without = ids.filter((id) => !loaded.includes(id));
  const controllerUnknown = paths.paths.some((p) => p.populationKind === 'INSURED') && insuredPaths(paths.paths).length < paths.paths.filter((p) => p.populationKind === 'INSURED').length;
  const sources = uniq(loaded.flatMap((id) => coverageFor(coverage, id).sources)).sort();
  const counted = loaded.length > 0 || ids.length === 0 ? totals : { ...totals, ...unknown };
  return { ...counted, breachId: paths.breachId, sources, lowerBound: without.length > 0 || controllerUnknown, insurersWithPortfolio: loaded.length, insurersWithoutPortfolioIds: without };
}

/** Each insurer's share with its coverage; an insurer with no portfolio loaded reads null (unknown), after the counted ones. */
export function coveredInsurers(rows: Array<Disclosed<InsurerImpactRoot>>, coverage: ReadonlyMap<string, PortfolioCoverageRow>): CoveredInsurer[] {
  const covered = rows.map((r) => {
    const c = coverageFor(coverage, r.insurerId);
    return c.status === 'PORTFOLIO_LOADED' ? { ...r, coverage: c } : { ...r, ...unknown, coverage: c };
  });
  return [...covered.filter((r) => r.coverage.status === 'PORTFOLIO_LOADED'), ...covered.filter((r) => r.coverage.status !== 'PORTFOLIO_LOADED')];
}

/**
 * Categories: the insured counts are null when the category was not exposed for insured people
 * (a professionals' category counts no insured contract: a 0 there would read as "nobody"), or
 * when `insuredCounted` is false (no insurer reached has a portfolio loaded). Professionals are
 * counted apart, from their populations' reported figures.
 */
export function coveredCategories(breachId: string, rows: Array<Disclosed<CategoryImpactRoot>>, insuredCounted: boolean): CoveredCategory[] {
  return rows.map((r) => (insuredCounted && r.subjects.includes('INSURED') ? { ...r, breachId } : { ...r, ...unknown, breachId }));
}

/** Partners' shares: unknown (null) when no insurer reached has a portfolio loaded, as the totals. */
export function coveredPartners<P extends { people: number | null; contracts: number | null; suppressed: boolean }>(rows: P[], insuredCounted: boolean): P[] {
  return insuredCounted ? rows : rows.map((r) => ({ ...r, ...unknown }));
}
