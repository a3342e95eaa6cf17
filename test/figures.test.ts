import { Api, as, EXACT_COUNTS, startApi } from './harness';

/**
 * Issue #11 §1 "Figures that never overstate", the defects that live in the impact answer (the
 * seeded-record defects are in facts.test.ts). Each test states what the seeded case says and
 * fails if `breachImpact` says more than that: a 0 where nothing is known, a date named for what
 * it is not, a claim read as an exposure, professionals left out, a population size taken for an
 * affected count. Exact counts (threshold 1), so that no cell is suppressed and every null is a
 * "not known" or "not applicable", never a withheld count.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi(undefined, { disclosure: EXACT_COUNTS });
});
afterAll(async () => {
  await api.close();
});

const VIAMEDIS = 'breach-viamedis-2024';
const ALMERYS = 'breach-almerys-2024';

test('an insurer with no portfolio loaded reads unknown, not 0; totals say their sources and that they are a lower bound', async () => {
  const { data, errors } = await api.run(`{ breachImpact(breachId: "${VIAMEDIS}") {
      totals { people contracts insurers sources lowerBound insurersWithPortfolio insurersWithoutPortfolio { id } }
      byInsurer { insurer { id } people contracts coverage { status sources datasets lastImportedAt } } } }`);
  expect(errors).toBeUndefined();
  const byId = Object.fromEntries(data.breachImpact.byInsurer.map((r: any) => [r.insurer.id, r]));
  // AMAE, CA Assurances and Mutaero have no contract in the graph: their share is not known.
  for (const id of ['org-amae', 'org-ca-assurances', 'org-mutaero']) {
    expect(byId[id]).toMatchObject({ people: null, contracts: null, coverage: { status: 'NO_PORTFOLIO_LOADED', sources: [], datasets: [], lastImportedAt: null } });
  }
  // Malakoff Humanis has a synthetic portfolio: its count is a count, and says it is synthetic.
  expect(byId['org-malakoff-humanis'].coverage).toEqual({ status: 'PORTFOLIO_LOADED', sources: ['SYNTHETIC'], datasets: ['synthetic-portfolio'], lastImportedAt: null });
  expect(byId['org-malakoff-humanis'].people).toBeGreaterThan(0);
  // A counted 0 is only ever shown for an insurer whose portfolio is loaded.
  for (const r of data.breachImpact.byInsurer) if (r.people === 0) expect(r.coverage.status).toBe('PORTFOLIO_LOADED');
  const t = data.breachImpact.totals;
  expect(t.sources).toEqual(['SYNTHETIC']);
  expect(t.lowerBound).toBe(true);
  expect(t.insurersWithPortfolio + t.insurersWithoutPortfolio.length).toBe(t.insurers);
  expect(t.insurersWithoutPortfolio.map((o: any) => o.id)).toEqual(expect.arrayContaining(['org-amae', 'org-ca-assurances', 'org-mutaero']));
  expect(t.insurersWithoutPortfolio.map((o: any) => o.id)).not.toContain('org-malakoff-humanis');
});

test('Almerys’ reference date is the day a client was informed, not its public disclosure', async () => {
  const { data, errors } = await api.run(`{
    a: breachImpact(breachId: "${ALMERYS}") { referenceDate referenceDateBasis }
    b: breach(id: "${ALMERYS}") { timeline { kind date } } }`);
  expect(errors).toBeUndefined();
  expect(data.a).toEqual({ referenceDate: '2024-02-02', referenceDateBasis: 'CLIENTS_INFORMED' });
  // The public disclosure is another, later date.
  expect(data.b.timeline.filter((e: any) => e.kind === 'DISCLOSED').map((e: any) => e.date)).toContain('2024-02-05');
});

test('byCategory carries each exposure’s status, scope and confidence per kind of subject: the FSPF claim is CLAIMED at L', async () => {
  const { data, errors } = await api.run(`{
    a: breachImpact(breachId: "${ALMERYS}") { byCategory { category { id } subjects exposures { subjects status scope scopeNote confidence sourceUrl } } }
    v: breachImpact(breachId: "${VIAMEDIS}") { byCategory { category { id } exposures { subjects status scope scopeNote confidence } } } }`);
  expect(errors).toBeUndefined();
  const cat = (rows: any[], id: string) => rows.find((r) => r.category.id === id);
  const rib = cat(data.a.byCategory, 'cat-bank-details');
  expect(rib.exposures).toEqual([expect.objectContaining({ subjects: 'PROFESSIONAL', status: 'CLAIMED', confidence: 'L', scope: 'ALL' })]);
  expect(rib.exposures[0].status).not.toBe('EXPOSED');
  expect(cat(data.v.byCategory, 'cat-member-number').exposures).toEqual([
    { subjects: 'INSURED', status: 'EXPOSED', scope: 'SOME_INSURERS', scopeNote: expect.stringMatching(/some insurers/i), confidence: 'H' },
  ]);
  // Every row says, for each of its subjects, what the record states.
  for (const r of [...data.a.byCategory, ...data.v.byCategory]) {
    expect(r.exposures.length).toBeGreaterThan(0);
    for (const x of r.exposures) expect(x.confidence).toBeTruthy();
  }
});

test('professionals count beside insured people, from their reported populations, never as a 0 meaning unknown', async () => {
  const { data, errors } = await api.run(`{ breachImpact(breachId: "${VIAMEDIS}") { byCategory { category { id } subjects people contracts
      professionals { kind populations populationsOfUnknownSize largest sum figures { population { id } value qualifier measure source sourceUrl confidence } } } } }`);
  expect(errors).toBeUndefined();
  const rows = data.breachImpact.byCategory;
  const rib = rows.find((r: any) => r.category.id === 'cat-bank-details');
  // Bank details were exposed for professionals only: no insured count applies (null, not 0).
  expect(rib.subjects).toEqual(['PROFESSIONAL']);
  expect(rib.people).toBeNull();
  expect(rib.contracts).toBeNull();
  expect(rib.professionals).toMatchObject({ kind: 'PROFESSIONAL', populations: 2, populationsOfUnknownSize: 1, largest: 200000 });
  expect(rib.professionals.figures).toEqual([
    { population: { id: 'pop-viamedis-professionals' }, value: 200000, qualifier: 'MORE_THAN', measure: 'POPULATION_SIZE', source: 'REPORTED', sourceUrl: 'facts-sheet:viamedis-own-figures', confidence: 'M' },
  ]);
  // Insured-only categories have no professionals figure; insured people and professionals are never added.
  const nir = rows.find((r: any) => r.category.id === 'cat-nir');
  expect(nir.professionals).toBeNull();
  expect(nir.people).toBeGreaterThan(0);
  const civil = rows.find((r: any) => r.category.id === 'cat-civil-status');
  expect(civil.subjects).toEqual(['INSURED', 'PROFESSIONAL']);
  expect(civil.professionals.largest).toBe(200000);
  expect(civil.people).toBeLessThan(200000);
});

test('reported population figures use the affected count where a figure gives one, per kind, and say which have only a size', async () => {
  const FIGS = 'populations populationsOfUnknownSize sum largest populationsWithSizeOnly { id } figures { population { id } value qualifier measure confidence }';
  const { data, errors } = await api.run(`{
    a: breachImpact(breachId: "${ALMERYS}") { totals { reportedInsured { ${FIGS} } reportedProfessionals { ${FIGS} } } }
    v: breachImpact(breachId: "${VIAMEDIS}") { totals { reportedInsured { ${FIGS} } reportedProfessionals { ${FIGS} } } } }`);
  expect(errors).toBeUndefined();
  const a = data.a.totals;
  // Mutame & Plus: about 1,800 affected out of 45,000 members; the 1,800 is used.
  expect(a.reportedInsured.figures).toEqual([{ population: { id: 'pop-mutame-insured' }, value: 1800, qualifier: 'ABOUT', measure: 'AFFECTED_COUNT', confidence: 'H' }]);
  expect(a.reportedInsured.sum).toBe(1800);
  expect(a.reportedInsured.populationsWithSizeOnly).toEqual([]);
  expect(a.reportedProfessionals.sum).toBeNull();
  // Viamedis: the professionals' 200,000 is a population size, listed as such, and kept apart from insured people.
  const v = data.v.totals;
  expect(v.reportedProfessionals).toMatchObject({ sum: 200000, largest: 200000, populationsWithSizeOnly: [{ id: 'pop-viamedis-professionals' }] });
  expect(v.reportedProfessionals.figures).toEqual([expect.objectContaining({ value: 200000, measure: 'POPULATION_SIZE', qualifier: 'MORE_THAN', confidence: 'M' })]);
  expect(v.reportedInsured.sum).toBeNull();
  expect(v.reportedInsured.populationsOfUnknownSize).toBe(v.reportedInsured.populations);
});

test('Alan’s cut-off is used by the count: a contract started after 2024-01-26 was not in the data Almerys held', async () => {
  // syn-contract-alan-0019 started on 2024-04-21, after Alan's cut-off (everyone insured up to
  // 2024-01-26, M). Counted on 2024-05-01 (an insurer may pass any date), the flows still run:
  // without the cut-off it would be reached; its neighbours started before the cut-off still are.
  const { data, errors } = await api.run(
    `{ affectedContracts(breachId: "${ALMERYS}", asOf: "2024-05-01", first: 100) { totalCount edges { node { contract { id startDate } } } } }`,
    undefined,
    as('INSURER', 'org-alan'),
  );
  expect(errors).toBeUndefined();
  const contracts = data.affectedContracts.edges.map((e: any) => e.node.contract);
  expect(contracts.length).toBeGreaterThan(10);
  expect(contracts.map((c: any) => c.id)).not.toContain('syn-contract-alan-0019');
  for (const c of contracts) expect(c.startDate <= '2024-01-26').toBe(true);
  const impact = await api.run(`{ breachImpact(breachId: "${ALMERYS}", asOf: "2024-05-01") { totals { contracts } } }`, undefined, as('INSURER', 'org-alan'));
  expect(impact.data.breachImpact.totals.contracts).toBe(data.affectedContracts.totalCount);
});
