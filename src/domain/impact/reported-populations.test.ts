import type { ReportedFigureRow } from '../breach/breach.rows';
import type { PopulationRow } from '../catalogue/catalogue.rows';
import { reportedPopulations } from './reported-populations';

// Pure rule: no database. Mutame & Plus' case: a size of 45,000 and an affected count of about 1,800.
const pop = (id: string, kind: string, size: number | null, sizeQualifier: string | null = null) => ({ id, kind, size, sizeQualifier, sourceUrl: `src-${id}`, confidence: 'M' }) as PopulationRow;
const fig = (over: Partial<ReportedFigureRow>) => ({ id: 'f', metric: 'AFFECTED_PEOPLE', value: 1800, qualifier: 'ABOUT', populationId: 'mutame', sourceUrl: 'mutame-plus.fr', confidence: 'H', ...over }) as ReportedFigureRow;

describe('reported population figures', () => {
  const pops = [pop('mutame', 'INSURED', 45000, 'ABOUT'), pop('other', 'INSURED', 1000), pop('unknown', 'INSURED', null), pop('pros', 'PROFESSIONAL', 200000, 'MORE_THAN')];

  it('uses the affected count where a figure gives one, else the size, and names the populations with a size only', () => {
    const r = reportedPopulations('INSURED', pops, [fig({})]);
    expect(r.figures.map((f) => [f.populationId, f.value, f.measure, f.source])).toEqual([
      ['mutame', 1800, 'AFFECTED_COUNT', 'REPORTED'],
      ['other', 1000, 'POPULATION_SIZE', 'REPORTED'],
    ]);
    expect(r).toMatchObject({ populations: 3, populationsOfUnknownSize: 1, populationsWithSizeOnlyIds: ['other'], sum: 2800, largest: 1800 });
  });

  it('never adds insured people and professionals; none known gives null, not 0', () => {
    expect(reportedPopulations('PROFESSIONAL', pops, [fig({})])).toMatchObject({ populations: 1, sum: 200000, populationsWithSizeOnlyIds: ['pros'] });
    expect(reportedPopulations('INSURED', [pop('unknown', 'INSURED', null)], [])).toMatchObject({ sum: null, largest: null, populationsOfUnknownSize: 1 });
  });

  it('served or other metrics are not affected counts; of two affected counts the surer, then the smaller, is used', () => {
    expect(reportedPopulations('INSURED', pops, [fig({ metric: 'SERVED_PEOPLE' })]).figures[0].measure).toBe('POPULATION_SIZE');
    const r = reportedPopulations('INSURED', pops, [fig({ id: 'a', value: 2000, confidence: 'M' }), fig({ id: 'b', value: 1900, confidence: 'H' }), fig({ id: 'c', value: 1700, confidence: 'H' })]);
    expect(r.figures[0].figure?.id).toBe('c');
  });
});
