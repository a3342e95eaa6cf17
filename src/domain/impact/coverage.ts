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
 * What the loaded portfolios cover of a breach's insured paths: the origins of the loaded ones
 * (SYNTHETIC: invented), which insurers reached have one and which have none, and whether counts
 * over them are a lower bound: true when an insurer reached has no portfolio loaded, or an
 * insured path has no known controller (a broker's clients). The one rule for a breach's
 * totals and for the breaches of a cross-breach answer.
 */
export interface CountCoverage {
  sources: CountSource[];
  lowerBound: boolean;
  insurersWithPortfolioIds: string[];
  insurersWithoutPortfolioIds: string[];
}

/** The coverage of one breach's answer (see {@link CountCoverage}). */
export function countCoverage(paths: ImpactPathsRow, coverage: ReadonlyMap<string, PortfolioCoverageRow>): CountCoverage {
  const ids = insurerIdsOf(paths);
  const loaded = ids.filter((id) => coverageFor(coverage, id).status === 'PORTFOLIO_LOADED');
  const without = ids.filter((id) => !loaded.includes(id));
  const insured = paths.paths.filter((p) => p.populationKind === 'INSURED');
  const controllerUnknown = insuredPaths(insured).length < insured.length;
  const sources = uniq(loaded.flatMap((id) => coverageFor(coverage, id).sources)).sort();
  return { sources, lowerBound: without.length > 0 || controllerUnknown, insurersWithPortfolioIds: loaded, insurersWithoutPortfolioIds: without };
}

/** Several breaches' coverage taken together (a cross-breach answer): a lower bound when any is. */
export function combinedCoverage(list: CountCoverage[]): CountCoverage {
  const loaded = uniq(list.flatMap((c) => c.insurersWithPortfolioIds));
  return {
    sources: uniq(list.flatMap((c) => c.sources)).sort(),
    lowerBound: list.some((c) => c.lowerBound),
    insurersWithPortfolioIds: loaded,
    insurersWithoutPortfolioIds: uniq(list.flatMap((c) => c.insurersWithoutPortfolioIds)).filter((id) => !loaded.includes(id)),
  };
}

/**
 * Totals with their coverage (see {@link countCoverage}). When no insurer reached has a
 * portfolio loaded, insured people are not counted at all: people and contracts are null.
 */
export function coveredTotals(totals: Disclosed<TotalsRoot>, paths: ImpactPathsRow, coverage: ReadonlyMap<string, PortfolioCoverageRow>): CoveredTotals {
  const c = countCoverage(paths, coverage);
  const counted = c.insurersWithPortfolioIds.length > 0 || insurerIdsOf(paths).length === 0 ? totals : { ...totals, ...unknown };
  return { ...counted, breachId: paths.breachId, sources: c.sources, lowerBound: c.lowerBound, insurersWithPortfolio: c.insurersWithPortfolioIds.length, insurersWithoutPortfolioIds: c.insurersWithoutPortfolioIds };
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

/** A partner's share as counted: which partner, in which role, how many people, contracts and insurers. */
interface PartnerShare {
  partnerId: string;
  role: 'OPERATOR' | 'CARE_NETWORK' | 'INTERMEDIARY';
  people: number | null;
  contracts: number | null;
  insurers: number | null;
  suppressed: boolean;
}

/**
 * Partners' shares, with what the loaded portfolios cannot see. Unknown (people and contracts
 * null) when no insurer reached has a portfolio loaded, as the totals; and, partner by partner,
 * when none of the insurers behind its insured paths has one: the broker Roederer's clients (the
 * record names no insurer behind them) counted 0 people, 0 contracts, 0 insurers, a 0 that meant
 * "not known". `insurers` is then null too when its paths name no insurer at all. A partner's
 * paths are those it runs (OPERATOR) or that go via it (CARE_NETWORK, INTERMEDIARY); a care network
 * reached only through contracts' routes has counted people, and keeps them.
 */
export function coveredPartners<P extends PartnerShare>(rows: P[], paths: ImpactPathsRow, coverage: ReadonlyMap<string, PortfolioCoverageRow>, insuredCounted: boolean): P[] {
  return rows.map((r) => {
    const through = paths.paths.filter((p) => p.populationKind === 'INSURED' && (r.role === 'OPERATOR' ? p.operatorId === r.partnerId : p.viaId === r.partnerId));
    const named = insuredPaths(through);
    const insurers = through.length > 0 && named.length === 0 ? { insurers: null } : {};
    if (!insuredCounted) return { ...r, ...unknown, ...insurers };
    // A counted person or contract comes from a loaded portfolio: the count stands (a lower bound at worst).
    if (r.suppressed || r.people !== 0 || through.length === 0) return r;
    const anyLoaded = named.some((p) => coverageFor(coverage, p.controllerId).status === 'PORTFOLIO_LOADED');
    return anyLoaded ? r : { ...r, ...unknown, ...insurers };
  });
}
