import { ART_33_3_HEADINGS } from '../src/domain/notification/draft-markdown';
import { Api, as, startApi } from './harness';
import { affected, portfolio } from './brute-force';

/**
 * #11 §4, the Art. 33(3) draft on the seeded case: ranges over the plausible dates where a date is
 * unknown (Almerys), exact where it is known (Viamedis), unknown where no portfolio is loaded, each
 * checked against the in-memory recount; the Markdown has every Art. 33(3) heading. Read-only.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const DRAFT = `query($b: ID!, $c: ID!) { notificationDraft(breachId: $b, controllerId: $c) {
  breach { id } controller { id } phase phaseNote summary vector systems attackTechniques timeline { text date sourceUrl confidence }
  window { from to exact relatedBreachId note } dataSubjects { populationId kind }
  dataCategories { categoryId status scope confidence } notExposed { categoryId }
  countBasis people { min max exact minOn maxOn suppressed } records { min max exact minOn maxOn suppressed }
  reportedPeople { figureId value sourceUrl confidence } countNote likelyConsequences
  measuresTaken { text date } measuresProposed contactPoint contactPointNote markdown json } }`;

/** The in-memory recount of one insurer's people and contracts on each day, as {min, max}. */
function recount(breachId: string, insurerId: string, days: string[]) {
  const perDay = days.map((d) => {
    const hit = affected(breachId, d).contracts;
    const mine = (portfolio.contracts ?? []).filter((c) => c.insurer === insurerId && hit.has(c.id));
    return { d, contracts: mine.length, people: new Set(mine.flatMap((c) => c.beneficiaries.map((b) => b.key))).size };
  });
  const people = perDay.map((x) => x.people);
  const contracts = perDay.map((x) => x.contracts);
  return { people: [Math.min(...people), Math.max(...people)], contracts: [Math.min(...contracts), Math.max(...contracts)] };
}

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

test('Almerys, Alan: intrusion date unknown, so the range spans 2024-01-22 (Viamedis, related) to 2024-02-02 (first notice), as the recount gives it', async () => {
  const { data, errors } = await api.run(DRAFT, { b: 'breach-almerys-2024', c: 'org-alan' }, as('INSURER', 'org-alan'));
  expect(errors).toBeUndefined();
  const d = data.notificationDraft;
  expect(d.window).toMatchObject({ from: '2024-01-22', to: '2024-02-02', exact: false, relatedBreachId: 'breach-viamedis-2024' });
  expect(d.countBasis).toBe('SYNTHETIC_PORTFOLIO');
  const expected = recount('breach-almerys-2024', 'org-alan', days('2024-01-22', '2024-02-02'));
  expect([d.people.min, d.people.max]).toEqual(expected.people);
  expect([d.records.min, d.records.max]).toEqual(expected.contracts);
  expect(d.people).toMatchObject({ exact: false, suppressed: false });
  expect(d.phase).toMatch(/^(INITIAL|COMPLEMENTARY)$/); // Alan may record during the duties test
  expect(d.dataSubjects).toEqual([{ populationId: 'pop-alan-insured', kind: 'INSURED' }]);
  expect(d.dataCategories.map((c: any) => c.categoryId)).toEqual(expect.arrayContaining(['cat-nir', 'cat-contract-number']));
  expect(d.notExposed.map((c: any) => c.categoryId)).toEqual(expect.arrayContaining(['cat-bank-details', 'cat-medical-data']));
  expect(d.likelyConsequences.join(' ')).toMatch(/NIR/);
  expect(d.contactPoint).toBeNull();
});

test('Viamedis, Malakoff Humanis: the data-collection date is known, so the count is exact on 2024-01-22 and equals the recount', async () => {
  const { data, errors } = await api.run(DRAFT, { b: 'breach-viamedis-2024', c: 'org-malakoff-humanis' }, as('INSURER', 'org-malakoff-humanis'));
  expect(errors).toBeUndefined();
  const d = data.notificationDraft;
  expect(d.window).toMatchObject({ from: '2024-01-22', to: '2024-01-22', exact: true, relatedBreachId: null });
  const expected = recount('breach-viamedis-2024', 'org-malakoff-humanis', ['2024-01-22']);
  expect(d.people).toMatchObject({ min: expected.people[0], max: expected.people[0], exact: true, minOn: '2024-01-22' });
  expect(d.records).toMatchObject({ min: expected.contracts[0], max: expected.contracts[0], exact: true });
  expect(d.people.min).toBeGreaterThan(0);
  expect(d.phase).toBe('INITIAL');
});

test('no portfolio loaded (MGP): numbers unknown, said so, never 0; Mutame & Plus keeps its reported 1,800 beside the synthetic count', async () => {
  const mgp = await api.run(DRAFT, { b: 'breach-almerys-2024', c: 'org-mgp' }, as('REGULATOR'));
  expect(mgp.errors).toBeUndefined();
  expect(mgp.data.notificationDraft).toMatchObject({ countBasis: 'UNKNOWN', people: null, records: null, reportedPeople: null, phase: 'INITIAL' });
  expect(mgp.data.notificationDraft.countNote).toMatch(/no portfolio is loaded/);
  expect(mgp.data.notificationDraft.markdown).toMatch(/unknown number of people/);
  const mutame = await api.run(DRAFT, { b: 'breach-almerys-2024', c: 'org-mutame-plus' }, as('INSURER', 'org-mutame-plus'));
  expect(mutame.errors).toBeUndefined();
  expect(mutame.data.notificationDraft.reportedPeople).toMatchObject({ figureId: 'fig-mutame-plus-1800', value: 1800, sourceUrl: 'mutame-plus.fr' });
});

test('the Markdown has a section for each item of Art. 33(3); the JSON is the same content', async () => {
  const { data } = await api.run(DRAFT, { b: 'breach-almerys-2024', c: 'org-alan' }, as('INSURER', 'org-alan'));
  const d = data.notificationDraft;
  for (const heading of ART_33_3_HEADINGS) expect(d.markdown).toContain(`. ${heading}`);
  // The people line gives the range, or the one value when it is the same on every day.
  expect(d.markdown).toContain(d.people.min === d.people.max ? `Approximate number: ${d.people.min} people (the same on every day of the window)` : `between ${d.people.min}`);
  const json = JSON.parse(d.json);
  expect(json).toMatchObject({ breachId: 'breach-almerys-2024', controllerId: 'org-alan', phase: d.phase, countBasis: 'SYNTHETIC_PORTFOLIO', people: d.people, window: d.window });
});

test('an INSURER drafts only for itself (FORBIDDEN); unknown ids NOT_FOUND; a controller the breach does not reach BAD_USER_INPUT; ANALYST FORBIDDEN', async () => {
  const other = await api.run(DRAFT, { b: 'breach-almerys-2024', c: 'org-mgp' }, as('INSURER', 'org-alan'));
  expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const analyst = await api.run(DRAFT, { b: 'breach-almerys-2024', c: 'org-mgp' }, as('ANALYST'));
  expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const breach = await api.run(DRAFT, { b: 'breach-nope', c: 'org-mgp' }, as('REGULATOR'));
  expect(breach.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const org = await api.run(DRAFT, { b: 'breach-almerys-2024', c: 'org-nope' }, as('REGULATOR'));
  expect(org.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const unreached = await api.run(DRAFT, { b: 'breach-almerys-2024', c: 'org-amae' }, as('REGULATOR'));
  expect(unreached.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
});
