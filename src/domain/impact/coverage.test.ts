import { combinedCoverage, countCoverage, coveredCategories, coveredInsurers, coveredPartners, coveredTotals } from './coverage';
import type { ImpactPathRow, ImpactPathsRow } from './impact.rows';
import { coverageOf, type PortfolioCoverageRow } from './portfolio-coverage';

// Pure rules: no database. Two insurers reached, one with a synthetic portfolio, one with none.
const path = (over: Partial<ImpactPathRow>) => ({ populationKind: 'INSURED', controllerId: 'ins-1', populationId: 'pop-1', ...over }) as ImpactPathRow;
const answer = (paths: ImpactPathRow[]): ImpactPathsRow => ({ breachId: 'b1', asOf: null, referenceDate: '2024-01-22', referenceDateBasis: 'INTRUSION', paths });
const loaded = coverageOf('ins-1', { sources: ['SYNTHETIC'], datasets: ['synthetic-portfolio'], lastImportedAt: null, anyContract: true });
const coverage = new Map<string, PortfolioCoverageRow>([['ins-1', loaded], ['ins-2', coverageOf('ins-2', undefined)]]);
const totals = { people: 30, contracts: 20, insurers: 2, populationIds: ['pop-1', 'pop-2'], suppressed: false };

describe('coverage of impact counts', () => {
  it('coverageOf: no contract means nothing loaded, whatever was recorded; loaded without a recorded origin says so', () => {
    expect(coverageOf('x', { sources: ['SYNTHETIC'], datasets: ['d'], lastImportedAt: null, anyContract: false })).toEqual({ insurerId: 'x', status: 'NO_PORTFOLIO_LOADED', sources: [], datasets: [], lastImportedAt: null });
    expect(coverageOf('x', { sources: [], datasets: [], lastImportedAt: null, anyContract: true }).sources).toEqual(['UNRECORDED']);
  });

  it('an insurer with no portfolio reads null (unknown), after the counted ones; a counted 0 stays 0', () => {
    const rows = coveredInsurers(
      [
        { insurerId: 'ins-2', people: 0, contracts: 0, suppressed: false, bases: ['ACTIVE'], paths: [] },
        { insurerId: 'ins-1', people: 0, contracts: 0, suppressed: false, bases: ['ACTIVE'], paths: [] },
      ],
      coverage,
    );
    expect(rows.map((r) => [r.insurerId, r.people, r.coverage.status])).toEqual([
      ['ins-1', 0, 'PORTFOLIO_LOADED'],
      ['ins-2', null, 'NO_PORTFOLIO_LOADED'],
    ]);
  });

  it('totals: sources of the loaded portfolios, a lower bound when an insurer has none or a controller is unknown', () => {
    const both = answer([path({}), path({ controllerId: 'ins-2', populationId: 'pop-2' })]);
    expect(coveredTotals(totals, both, coverage)).toMatchObject({ people: 30, sources: ['SYNTHETIC'], lowerBound: true, insurersWithPortfolio: 1, insurersWithoutPortfolioIds: ['ins-2'] });
    expect(coveredTotals(totals, answer([path({})]), coverage).lowerBound).toBe(false);
    expect(coveredTotals(totals, answer([path({}), path({ controllerId: null as unknown as string })]), coverage).lowerBound).toBe(true);
    // Nobody's portfolio loaded: the totals are not a count at all.
    expect(coveredTotals(totals, answer([path({ controllerId: 'ins-2' })]), coverage)).toMatchObject({ people: null, contracts: null, sources: [], lowerBound: true });
  });

  it('categories: insured counts null when not exposed for insured people or not counted; partners null when not counted', () => {
    const cat = (subjects: string[]) => ({ categoryId: 'c', subjects, people: 0, contracts: 0, populations: 1, professionalPopulationIds: [], suppressed: false });
    expect(coveredCategories('b1', [cat(['PROFESSIONAL']), cat(['INSURED'])], true).map((c) => [c.people, c.breachId])).toEqual([[null, 'b1'], [0, 'b1']]);
    expect(coveredCategories('b1', [cat(['INSURED'])], false)[0].people).toBeNull();
    const operator = { partnerId: 'op-1', role: 'OPERATOR' as const, people: 0, contracts: 0, insurers: 1, suppressed: false };
    expect(coveredPartners([operator], answer([path({ operatorId: 'op-1' })]), coverage, false)).toEqual([{ ...operator, people: null, contracts: null }]);
  });

  it('partners: a broker whose clients’ insurers are not named reads unknown, not 0; a counted partner keeps its count', () => {
    const broker = { partnerId: 'org-broker', role: 'INTERMEDIARY' as const, people: 0, contracts: 0, insurers: 0, suppressed: false };
    const operator = { partnerId: 'op-1', role: 'OPERATOR' as const, people: 12, contracts: 8, insurers: 2, suppressed: false };
    const idle = { partnerId: 'op-2', role: 'OPERATOR' as const, people: 0, contracts: 0, insurers: 1, suppressed: false };
    const paths = answer([
      path({ operatorId: 'op-1' }),
      path({ operatorId: 'op-1', viaId: 'org-broker', viaRole: 'INTERMEDIARY', controllerId: null as unknown as string, populationId: 'pop-3' }),
      // op-2's only insurer has no portfolio loaded: its 0 is not a count.
      path({ operatorId: 'op-2', controllerId: 'ins-2', populationId: 'pop-2' }),
    ]);
    expect(coveredPartners([operator, broker, idle], paths, coverage, true)).toEqual([
      operator,
      { ...broker, people: null, contracts: null, insurers: null },
      { ...idle, people: null, contracts: null },
    ]);
    // A 0 behind a loaded portfolio is a real 0.
    const loadedZero = { ...idle, partnerId: 'op-3' };
    expect(coveredPartners([loadedZero], answer([path({ operatorId: 'op-3' })]), coverage, true)).toEqual([loadedZero]);
  });
});

describe('coverage across breaches', () => {
  it('combinedCoverage: a lower bound when any breach is; sources and insurers without a portfolio taken together, once each', () => {
    const a = countCoverage(answer([path({}), path({ controllerId: 'ins-2', populationId: 'pop-2' })]), coverage);
    const b = countCoverage(answer([path({})]), coverage);
    expect(b).toEqual({ sources: ['SYNTHETIC'], lowerBound: false, insurersWithPortfolioIds: ['ins-1'], insurersWithoutPortfolioIds: [] });
    expect(combinedCoverage([b, b])).toEqual(b);
    expect(combinedCoverage([a, b])).toEqual({ sources: ['SYNTHETIC'], lowerBound: true, insurersWithPortfolioIds: ['ins-1'], insurersWithoutPortfolioIds: ['ins-2'] });
    expect(combinedCoverage([])).toEqual({ sources: [], lowerBound: false, insurersWithPortfolioIds: [], insurersWithoutPortfolioIds: [] });
  });
});
