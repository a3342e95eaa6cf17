import { affectedInsurers, byCategoryOf, byInsurerOf, byPartnerOf, emptyAggregates, hopsOf, insurerIdsOf, totalsOf, withBreach } from './breakdown';
import type { ContractAggregatesRow, ImpactPathRow, ImpactPathsRow } from './impact.rows';

// Pure arithmetic: no database. Two operators, two insurers, one professionals' population.
function path(over: Partial<ImpactPathRow>): ImpactPathRow {
  return {
    flowId: 'f', systemId: 'sys-a', operatorId: 'op-a', populationId: 'pop-1', populationKind: 'INSURED',
    controllerId: 'ins-1', processorId: 'op-a', subProcessorId: null, viaId: null, basis: 'ACTIVE',
    retentionMonths: null, flowValidFrom: null, flowValidTo: null, note: null, exposedCategoryIds: ['cat-nir'],
    sourceUrl: null, confidence: 'H', ...over,
  } as ImpactPathRow;
}
const answer = (breachId: string, paths: ImpactPathRow[]): ImpactPathsRow => ({ breachId, asOf: null, referenceDate: '2024-01-22', referenceDateBasis: 'INTRUSION', paths });
const paths = answer('b1', [
  path({ flowId: 'f1' }),
  path({ flowId: 'f2', controllerId: 'ins-2', populationId: 'pop-2', viaId: 'net-1', basis: 'RETAINED', exposedCategoryIds: ['cat-nir', 'cat-guarantees'] }),
  path({ flowId: 'f3', controllerId: 'op-a', populationId: 'pop-pro', populationKind: 'PROFESSIONAL', exposedCategoryIds: ['cat-rib'] }),
]);
const agg: ContractAggregatesRow = {
  key: 'b1|', people: 30, contracts: 20,
  byInsurer: [{ id: 'ins-1', people: 10, contracts: 8 }, { id: 'ins-2', people: 25, contracts: 12 }],
  byOperator: [{ id: 'op-a', people: 30, contracts: 20 }],
  byNetwork: [{ id: 'net-1', people: 25, contracts: 12, insurers: 1 }, { id: 'net-2', people: 4, contracts: 2, insurers: 1 }],
  byCategory: [{ id: 'cat-nir', people: 30, contracts: 20 }, { id: 'cat-guarantees', people: 25, contracts: 12 }],
};

describe('impact breakdown arithmetic', () => {
  it('totals: counted people and contracts, insurers from insured paths only, distinct populations', () => {
    expect(totalsOf(paths, agg)).toEqual({ people: 30, contracts: 20, insurers: 2, populationIds: ['pop-1', 'pop-2', 'pop-pro'] });
  });

  it('byInsurer: most people first, bases sorted, zero for an insurer without counted contracts', () => {
    const rows = byInsurerOf(answer('b1', [...paths.paths, path({ flowId: 'f4', controllerId: 'ins-3' })]), agg);
    expect(rows.map((r) => [r.insurerId, r.people, r.contracts, r.bases])).toEqual([
      ['ins-2', 25, 12, ['RETAINED']],
      ['ins-1', 10, 8, ['ACTIVE']],
      ['ins-3', 0, 0, ['ACTIVE']],
    ]);
    expect(rows[0].paths.every((p) => p.breachId === 'b1')).toBe(true);
  });

  it('byPartner: operators first, then networks from paths or counts, most people first', () => {
    expect(byPartnerOf(paths, agg)).toEqual([
      { partnerId: 'op-a', role: 'OPERATOR', people: 30, contracts: 20, insurers: 2 },
      { partnerId: 'net-1', role: 'CARE_NETWORK', people: 25, contracts: 12, insurers: 1 },
      { partnerId: 'net-2', role: 'CARE_NETWORK', people: 4, contracts: 2, insurers: 1 },
    ]);
  });

  it('byCategory: subjects and populations per category, most people then most populations first', () => {
    expect(byCategoryOf(paths, agg)).toEqual([
      { categoryId: 'cat-nir', subjects: ['INSURED'], people: 30, contracts: 20, populations: 2, professionalPopulationIds: [] },
      { categoryId: 'cat-guarantees', subjects: ['INSURED'], people: 25, contracts: 12, populations: 1, professionalPopulationIds: [] },
      { categoryId: 'cat-rib', subjects: ['PROFESSIONAL'], people: 0, contracts: 0, populations: 1, professionalPopulationIds: ['pop-pro'] },
    ]);
  });

  it('affectedInsurers: most breaches first, affectedByAll only when every breach reaches the insurer', () => {
    const rows = affectedInsurers(['b1', 'b2'], [paths, answer('b2', [path({ flowId: 'g1', controllerId: 'ins-2' })])]);
    expect(rows.map((r) => [r.insurerId, r.breachIds, r.affectedByAll])).toEqual([
      ['ins-2', ['b1', 'b2'], true],
      ['ins-1', ['b1'], false],
    ]);
  });

  it('hops: a partner hop when the data went through one; no controller hop when the operator controls the data', () => {
    const [insured, viaNetwork, professionals] = withBreach(paths);
    expect(hopsOf(insured).map((h) => `${h.kind}:${h.id}:${h.gdprRole}`)).toEqual([
      'BREACH:b1:null', 'SYSTEM:sys-a:null', 'OPERATOR:op-a:PROCESSOR', 'CONTROLLER:ins-1:CONTROLLER', 'POPULATION:pop-1:null',
    ]);
    expect(hopsOf(viaNetwork).map((h) => h.kind)).toEqual(['BREACH', 'SYSTEM', 'OPERATOR', 'PARTNER', 'CONTROLLER', 'POPULATION']);
    expect(hopsOf(professionals).map((h) => `${h.kind}:${h.gdprRole}`)).toEqual(['BREACH:null', 'SYSTEM:null', 'OPERATOR:CONTROLLER', 'POPULATION:null']);
  });

  it('a path with no known controller (a broker’s clients) reaches people but counts as no insurer', () => {
    const broker = answer('b1', [...paths.paths, path({ flowId: 'f9', controllerId: null as unknown as string, populationId: 'pop-broker' })]);
    expect(insurerIdsOf(broker)).toEqual(['ins-1', 'ins-2']);
    expect(totalsOf(broker, agg).insurers).toBe(2);
    expect(byInsurerOf(broker, agg).map((r) => r.insurerId)).toEqual(['ins-2', 'ins-1']);
    expect(affectedInsurers(['b1'], [broker]).map((r) => r.insurerId)).toEqual(['ins-1', 'ins-2']);
    expect(byPartnerOf(broker, agg)[0].insurers).toBe(2);
  });

  it('empty aggregates are zeros, not missing', () => {
    expect(emptyAggregates('k')).toEqual({ key: 'k', people: 0, contracts: 0, byInsurer: [], byOperator: [], byNetwork: [], byCategory: [] });
  });
});
