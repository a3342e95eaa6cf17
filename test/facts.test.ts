import { Api, as, startApi } from './harness';

/**
 * Issue #11 §1 "Figures that never overstate", the defects that live in the seeded public record
 * (seeds/case-2024.json) and its types: each test states what docs/FACTS.md says and fails if the
 * API says more (or less) than that.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const VIAMEDIS = 'breach-viamedis-2024';
const ALMERYS = 'breach-almerys-2024';
const EXPOSURE = 'category { id name } subjects status scope scopeNote note sourceUrl confidence';

test('every exposure carries its status, scope and confidence; the record’s caveats are kept', async () => {
  const { data, errors } = await api.run(`{
    v: breach(id: "${VIAMEDIS}") { exposures { ${EXPOSURE} } }
    a: breach(id: "${ALMERYS}") { exposures { ${EXPOSURE} } } }`);
  expect(errors).toBeUndefined();
  const find = (xs: any[], cat: string, subjects: string) => xs.filter((x) => x.category.id === cat && x.subjects === subjects);
  // Member number: "for some insurers" (FACTS, Viamedis insured).
  expect(find(data.v.exposures, 'cat-member-number', 'INSURED')).toEqual([expect.objectContaining({ status: 'EXPOSED', scope: 'SOME_INSURERS', confidence: 'H' })]);
  // Viamedis: date of birth stated, rank of birth not; Almerys: date and rank of birth.
  expect(find(data.v.exposures, 'cat-birth-date', 'INSURED')).toHaveLength(1);
  expect(find(data.v.exposures, 'cat-birth-date', 'INSURED')[0].category.name).not.toMatch(/rank/i);
  expect(find(data.v.exposures, 'cat-birth-rank', 'INSURED')).toEqual([]);
  expect(find(data.a.exposures, 'cat-birth-rank', 'INSURED')).toEqual([expect.objectContaining({ status: 'EXPOSED', scope: 'ALL', confidence: 'H' })]);
  // FSPF claim: CLAIMED at L, never EXPOSED.
  expect(find(data.a.exposures, 'cat-bank-details', 'PROFESSIONAL')).toEqual([expect.objectContaining({ status: 'CLAIMED', confidence: 'L' })]);
  // The record does not say Almerys professionals' portal logins were taken (they were the way in).
  expect(find(data.a.exposures, 'cat-portal-login', 'PROFESSIONAL')).toEqual([]);
  for (const x of [...data.v.exposures, ...data.a.exposures]) {
    expect(x.scope).toBeTruthy();
    expect(x.confidence).toBeTruthy();
    expect(x.sourceUrl).toBeTruthy();
  }
});

test('a contract lists as exposed only what the record says was exposed for all; partial ones carry their scope', async () => {
  const { data, errors } = await api.run(
    `{ affectedContracts(breachId: "${VIAMEDIS}", first: 5) { edges { node {
        exposedCategories { id } exposures { category { id } status scope confidence } } } } }`,
    undefined,
    as('INSURER', 'org-malakoff-humanis'),
  );
  expect(errors).toBeUndefined();
  const nodes = data.affectedContracts.edges.map((e: any) => e.node);
  expect(nodes.length).toBeGreaterThan(0);
  for (const n of nodes) {
    expect(n.exposedCategories.map((c: any) => c.id)).not.toContain('cat-member-number');
    expect(n.exposures.find((x: any) => x.category.id === 'cat-member-number')).toMatchObject({ status: 'EXPOSED', scope: 'SOME_INSURERS', confidence: 'H' });
    expect(n.exposures.find((x: any) => x.category.id === 'cat-nir')).toMatchObject({ status: 'EXPOSED', scope: 'ALL' });
  }
});

test('Mutame & Plus: 45,000 members is the population size, about 1,800 the affected count', async () => {
  const { data, errors } = await api.run(`{
    organization(id: "org-mutame-plus") { populations { id size sizeQualifier } }
    breach(id: "${ALMERYS}") { reportedFigures { id metric value qualifier population { id } about { id } } } }`);
  expect(errors).toBeUndefined();
  expect(data.organization.populations).toEqual([{ id: 'pop-mutame-insured', size: 45000, sizeQualifier: 'ABOUT' }]);
  const fig = data.breach.reportedFigures.find((f: any) => f.id === 'fig-mutame-plus-1800');
  expect(fig).toEqual({ id: 'fig-mutame-plus-1800', metric: 'AFFECTED_PEOPLE', value: 1800, qualifier: 'ABOUT', population: { id: 'pop-mutame-insured' }, about: { id: 'org-mutame-plus' } });
});

test('Alan’s cut-off date is data with its own source and confidence', async () => {
  const { data, errors } = await api.run(`{ organization(id: "org-alan") { populations { id confidence cutOff { date sourceUrl confidence note } } } }`);
  expect(errors).toBeUndefined();
  const [pop] = data.organization.populations;
  expect(pop.confidence).toBe('H');
  expect(pop.cutOff).toMatchObject({ date: '2024-01-26', confidence: 'M' });
  expect(pop.cutOff.sourceUrl).toContain('alan.com');
});

test('one vocabulary of metrics: operators’ own client counts are not people concerned by a breach', async () => {
  const { data, errors } = await api.run(`{ breaches { id reportedFigures { id metric reportedBy { id } } } }`);
  expect(errors).toBeUndefined();
  const figs = Object.fromEntries(data.breaches.flatMap((b: any) => b.reportedFigures.map((f: any) => [f.id, f.metric])));
  expect(figs['fig-almerys-20m-insured']).not.toBe(figs['fig-cnil-33m-almerys']);
  expect(figs['fig-almerys-20m-insured']).toBe(figs['fig-viamedis-20m-beneficiaries']);
  expect(figs['fig-cnil-33m-viamedis']).toBe('AFFECTED_PEOPLE');
  expect(figs['fig-almerys-20m-insured']).toBe('SERVED_PEOPLE');
  expect(figs['fig-viamedis-84-insurers']).toBe('SERVED_INSURERS');
  expect(figs['fig-almerys-305k-professionals']).toBe(figs['fig-viamedis-200k-professionals']);
});

test('the CNIL’s 33 million carries the duplicates caveat with the caveat’s own source (AFP, M)', async () => {
  const { data, errors } = await api.run(`{ breaches { reportedFigures { id sourceUrl confidence caveats { text sourceUrl confidence } } } }`);
  expect(errors).toBeUndefined();
  const figs = data.breaches.flatMap((b: any) => b.reportedFigures).filter((f: any) => f.id.startsWith('fig-cnil-33m'));
  expect(figs).toHaveLength(2);
  for (const f of figs) {
    expect(f).toMatchObject({ sourceUrl: 'intrassi.net', confidence: 'H' });
    expect(f.caveats).toEqual([expect.objectContaining({ sourceUrl: 'fr.news.yahoo.com', confidence: 'M' })]);
    expect(f.caveats[0].text).toMatch(/duplicate/i);
  }
});

test('ATT&CK techniques carry confidence and whether they are inferred; the DREES market figure is reachable', async () => {
  const { data, errors } = await api.run(`{
    breach(id: "${VIAMEDIS}") { attackTechniques { id inferred confidence sourceUrl } }
    organization(id: "org-drees") { marketFigures { id metric value year organizationKind reportedBy { id } sourceUrl confidence } } }`);
  expect(errors).toBeUndefined();
  const t = Object.fromEntries(data.breach.attackTechniques.map((x: any) => [x.id, x]));
  expect(t['T1213']).toMatchObject({ inferred: true });
  expect(t['T1078']).toMatchObject({ inferred: false, confidence: 'H' });
  for (const x of data.breach.attackTechniques) expect(x.sourceUrl).toBeTruthy();
  const total = data.organization.marketFigures.find((f: any) => f.value === 388);
  expect(total).toMatchObject({ metric: 'MARKET_INSURERS', year: 2023, organizationKind: null, reportedBy: { id: 'org-drees' }, confidence: 'H' });
  const parts = data.organization.marketFigures.filter((f: any) => f.organizationKind !== null);
  expect(parts.map((f: any) => f.value).reduce((a: number, b: number) => a + b, 0)).toBe(388);
});

test('broker Roederer is an intermediary, not a controller; the controllers behind it are unknown', async () => {
  const { data, errors } = await api.run(`{
    affectedInsurers(breachIds: ["${VIAMEDIS}"]) { insurer { id } }
    lineage(nodeId: "org-roederer", direction: DOWNSTREAM) { flows { id controller { id } via { id } } } }`);
  expect(errors).toBeUndefined();
  expect(data.affectedInsurers.map((a: any) => a.insurer.id)).not.toContain('org-roederer');
  const flow = data.lineage.flows.find((f: any) => f.id === 'flow-roederer-viamedis');
  expect(flow).toEqual({ id: 'flow-roederer-viamedis', controller: null, via: { id: 'org-roederer' } });
});
