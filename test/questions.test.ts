import { affected, portfolio, qualifyingFlows } from './brute-force';
import { Api, EXACT_COUNTS, startApi } from './harness';

/**
 * The questions the seeded API must answer correctly (issue #2), asked the way a user would,
 * checked against docs/FACTS.md and against an in-memory recount of the seed files.
 */
let api: Api;
beforeAll(async () => {
  // About counting, not disclosure: exact counts on any date for the default ANALYST (test/disclosure.test.ts covers the control).
  api = await startApi(undefined, { disclosure: EXACT_COUNTS });
});
afterAll(async () => {
  await api.close();
});

const VIAMEDIS = 'breach-viamedis-2024';
const ALMERYS = 'breach-almerys-2024';

test('which breaches hit tiers-payant operators in early 2024, with intrusion, detection and disclosure dates', async () => {
  const { data, errors } = await api.run(`{
    breaches { id victim { id roles } intrusion { known date event { kind sourceUrl confidence } }
               detection { known date } disclosure { known date event { sourceUrl } } } }`);
  expect(errors).toBeUndefined();
  const byId = Object.fromEntries(data.breaches.map((b: any) => [b.id, b]));
  expect(Object.keys(byId).sort()).toEqual([ALMERYS, VIAMEDIS]);
  for (const b of data.breaches) expect(b.victim.roles).toContain('OPERATOR');
  expect(byId[VIAMEDIS].intrusion).toMatchObject({ known: true, date: '2024-01-22', event: { kind: 'DATA_COLLECTED', confidence: 'M' } });
  expect(byId[VIAMEDIS].detection).toEqual({ known: true, date: '2024-01-29' });
  expect(byId[VIAMEDIS].disclosure).toMatchObject({ known: true, date: '2024-02-01' });
  expect(byId[ALMERYS].intrusion).toMatchObject({ known: false, date: null });
  expect(byId[ALMERYS].detection).toEqual({ known: false, date: null });
  expect(byId[ALMERYS].disclosure).toMatchObject({ known: true, date: '2024-02-05' });
});

test('the conflicting access-cut dates of Viamedis are both kept with their sources', async () => {
  const { data } = await api.run(`{ breach(id: "${VIAMEDIS}") { timeline { kind date sourceUrl } } }`);
  const cuts = data.breach.timeline.filter((e: any) => e.kind === 'ACCESS_CUT');
  expect(cuts.map((e: any) => e.date).sort()).toEqual(['2024-01-29', '2024-01-31']);
  for (const c of cuts) expect(c.sourceUrl).toBeTruthy();
});

test('which categories each breach exposed, and which were stated not exposed', async () => {
  const { data } = await api.run(`{ breaches { id
      exposed: exposures(subjects: INSURED, status: EXPOSED) { category { id } }
      notExposed: exposures(subjects: INSURED, status: NOT_EXPOSED) { category { id } sourceUrl confidence } } }`);
  const ids = (xs: any[]) => xs.map((x) => x.category.id);
  for (const b of data.breaches) {
    expect(ids(b.exposed)).toEqual(expect.arrayContaining(['cat-civil-status', 'cat-birth-date', 'cat-nir', 'cat-insurer-name']));
    expect(ids(b.notExposed)).toEqual(
      expect.arrayContaining(['cat-bank-details', 'cat-medical-data', 'cat-reimbursements', 'cat-postal-address', 'cat-phone', 'cat-email']),
    );
    for (const n of b.notExposed) expect(n.confidence).toBe('H');
    // A category cannot be both exposed and stated not exposed for the same people.
    expect(ids(b.exposed).filter((c: string) => ids(b.notExposed).includes(c))).toEqual([]);
  }
  const viamedis = data.breaches.find((b: any) => b.id === VIAMEDIS);
  const almerys = data.breaches.find((b: any) => b.id === ALMERYS);
  expect(ids(viamedis.exposed)).toContain('cat-guarantees');
  expect(ids(almerys.exposed)).toEqual(expect.arrayContaining(['cat-contract-number', 'cat-operator-reference']));
});

test('which insurers were affected through Viamedis, through Almerys, or both — and why La Mutuelle Générale is in both', async () => {
  const { data, errors } = await api.run(`{ affectedInsurers(breachIds: ["${VIAMEDIS}", "${ALMERYS}"]) {
      insurer { id } affectedByAll breaches { id }
      paths { basis flowValidFrom flowValidTo retentionMonths operator { id } } } }`);
  expect(errors).toBeUndefined();
  const through = (breach: string) =>
    data.affectedInsurers.filter((a: any) => a.breaches.some((b: any) => b.id === breach)).map((a: any) => a.insurer.id).sort();
  const both = data.affectedInsurers.filter((a: any) => a.affectedByAll).map((a: any) => a.insurer.id).sort();
  expect(both).toEqual(['org-aesio', 'org-la-mutuelle-generale', 'org-mutuelle-mieux-etre', 'org-viasante']);
  expect(through(VIAMEDIS).filter((id: string) => !both.includes(id))).toEqual(['org-amae', 'org-ca-assurances', 'org-malakoff-humanis', 'org-mutaero']);
  expect(through(ALMERYS).filter((id: string) => !both.includes(id))).toEqual(['org-alan', 'org-mgp', 'org-mutame-plus', 'org-mutuelle-lmp']);
  const lmg = data.affectedInsurers.find((a: any) => a.insurer.id === 'org-la-mutuelle-generale');
  const viaViamedis = lmg.paths.find((p: any) => p.operator.id === 'org-viamedis');
  const viaAlmerys = lmg.paths.find((p: any) => p.operator.id === 'org-almerys');
  // Viamedis still held its data after the switch (retention unknown); Almerys held it since 2024-01-01.
  expect(viaViamedis).toMatchObject({ basis: 'RETAINED', flowValidTo: '2023-12-31', retentionMonths: null });
  expect(viaAlmerys).toMatchObject({ basis: 'ACTIVE', flowValidFrom: '2024-01-01' });
});

test('which professionals’ data the Viamedis breach exposed', async () => {
  const { data } = await api.run(`{ breachImpact(breachId: "${VIAMEDIS}") {
      paths(populationKind: PROFESSIONAL) { population { id kind } exposedCategories { id } hops { kind gdprRole } } }
    breach(id: "${VIAMEDIS}") { exposures(subjects: PROFESSIONAL, status: EXPOSED) { category { id } } } }`);
  const pops = [...new Set(data.breachImpact.paths.map((p: any) => p.population.id))].sort();
  expect(pops).toEqual(['pop-viamedis-pharmacists', 'pop-viamedis-professionals']);
  const exposed = data.breach.exposures.map((e: any) => e.category.id);
  expect(exposed).toEqual(
    expect.arrayContaining(['cat-company-name', 'cat-email', 'cat-phone', 'cat-postal-address', 'cat-portal-login', 'cat-bank-details', 'cat-siret', 'cat-finess', 'cat-network-membership']),
  );
  const pathCats = new Set(data.breachImpact.paths.flatMap((p: any) => p.exposedCategories.map((c: any) => c.id)));
  expect(pathCats.has('cat-bank-details')).toBe(true);
  expect(pathCats.has('cat-nir')).toBe(false);
});

test('to which group Viamedis belongs, and who owns Almerys', async () => {
  const { data } = await api.run(`{
    v: organization(id: "org-viamedis") { owners { owner { id roles } confidence } }
    a: organization(id: "org-almerys") { owners { owner { id } confidence } } }`);
  const owners = (o: any) => Object.fromEntries(o.owners.map((x: any) => [x.owner.id, x.confidence]));
  expect(owners(data.v)).toEqual({ 'org-malakoff-humanis': 'H', 'org-vyv': 'M' });
  expect(owners(data.a)['org-be-ys']).toBe('M');
  expect(data.v.owners.find((x: any) => x.owner.id === 'org-malakoff-humanis').owner.roles).toContain('PARENT_GROUP');
});

test('reported figures (CNIL, operators) beside the graph’s own de-duplicated count', async () => {
  const { data } = await api.run(`{
    v: breachImpact(breachId: "${VIAMEDIS}") { referenceDate totals { people contracts insurers }
       byInsurer { insurer { id } contracts } reportedFigures { metric value qualifier reportedBy { id } sourceUrl } }
    a: breachImpact(breachId: "${ALMERYS}") { referenceDate totals { people contracts }
       reportedFigures { metric value qualifier reportedBy { id } } } }`);
  const cnil = (figs: any[]) => figs.find((f) => f.reportedBy?.id === 'org-cnil' && f.metric === 'AFFECTED_PEOPLE');
  expect(cnil(data.v.reportedFigures)).toMatchObject({ value: 33000000, qualifier: 'MORE_THAN' });
  expect(cnil(data.a.reportedFigures)).toMatchObject({ value: 33000000, qualifier: 'MORE_THAN' });
  expect(data.v.reportedFigures).toEqual(expect.arrayContaining([expect.objectContaining({ metric: 'SERVED_INSURERS', value: 84, reportedBy: { id: 'org-viamedis' } })]));
  for (const [alias, breach] of [['v', VIAMEDIS], ['a', ALMERYS]] as const) {
    const expected = affected(breach);
    expect(data[alias].totals.people).toBe(expected.people.size);
    expect(data[alias].totals.contracts).toBe(expected.contracts.size);
    expect(expected.people.size).toBeGreaterThan(0);
  }
  // An insurer with no contract in the seeds has no portfolio loaded: its count is unknown (null), not 0 (#11 §1).
  const loaded = new Set((portfolio.contracts ?? []).map((c: { insurer: string }) => c.insurer));
  for (const row of data.v.byInsurer) expect(row.contracts).toBe(affected(VIAMEDIS).byInsurer.get(row.insurer.id)?.size ?? (loaded.has(row.insurer.id) ? 0 : null));
  expect(data.v.totals.insurers).toBe(new Set(qualifyingFlows(VIAMEDIS).filter((q) => q.flow.population.endsWith('insured') || q.flow.population.endsWith('clients')).map((q) => q.flow.controller).filter((c) => c !== null)).size);
});

test('a person on contracts of two insurers is counted once', async () => {
  const { data } = await api.run(`{ breachImpact(breachId: "${ALMERYS}") { totals { people } byInsurer { people } } }`);
  const sum = data.breachImpact.byInsurer.reduce((s: number, r: any) => s + r.people, 0);
  // The synthetic portfolio has people moving between insurers: per-insurer counts overlap.
  expect(sum).toBeGreaterThan(data.breachImpact.totals.people);
});

test('asOf moves the reference date: before La Mutuelle Générale joined Almerys, Almerys does not reach it', async () => {
  const { data } = await api.run(`{ breachImpact(breachId: "${ALMERYS}", asOf: "2023-12-15") { referenceDate referenceDateBasis byInsurer { insurer { id } } } }`);
  expect(data.breachImpact).toMatchObject({ referenceDate: '2023-12-15', referenceDateBasis: 'AS_OF_ARGUMENT' });
  expect(data.breachImpact.byInsurer.map((r: any) => r.insurer.id)).not.toContain('org-la-mutuelle-generale');
});
