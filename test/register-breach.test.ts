import { cypher } from '../src/db/cypher-files';
import { checkReadiness } from '../src/domain/health/readiness';
import { refreshSummaries } from '../src/domain/summary-upkeep';
import { Api, as, startApi, startPrivateNeo4j, SERVER_START_MS } from './harness';

/**
 * ADMIN registers a breach: validated against the graph, written whole or not at all, and
 * replaceable; other roles cannot. Runs on a Neo4j of its own, since it changes the catalogue.
 */
let api: Api;
let neo4j: Awaited<ReturnType<typeof startPrivateNeo4j>>;
beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  api = await startApi(neo4j);
}, SERVER_START_MS);
afterAll(async () => {
  await api?.close();
  await neo4j?.stop();
});

const REGISTER = `mutation($input: RegisterBreachInput!) { registerBreach(input: $input) {
  id name victim { id } attackTechniques { id name } intrusion { date } disclosure { date }
  timeline { kind date } compromisedSystems { system { id } accessChannel { id } }
  exposures { status subjects category { id } } reportedFigures { id value reportedBy { id } } } }`;

const input = (overrides: Record<string, unknown> = {}) => ({
  id: 'breach-test-almerys-2025',
  name: 'Test: second Almerys portal intrusion',
  victimId: 'org-almerys',
  vector: 'Credential stuffing on the professionals’ portal',
  attackTechniques: ['T1110.004', 'T1078'],
  compromisedSystemIds: ['sys-almerys-tp-platform'],
  accessChannelId: 'chan-almerys-pro-login',
  events: [
    { kind: 'INTRUSION', date: '2025-03-01', sourceUrl: 'example.org/notice', confidence: 'M' },
    { kind: 'DISCLOSED', date: '2025-03-10', sourceUrl: 'example.org/notice', confidence: 'H' },
  ],
  exposures: [{ categoryId: 'cat-bank-details', subjects: 'PROFESSIONAL', status: 'EXPOSED', confidence: 'M' }],
  reportedFigures: [{ id: 'fig-test-almerys-2025-pros', metric: 'SERVED_PROFESSIONALS', value: 1200, qualifier: 'ABOUT', reportedById: 'org-almerys' }],
  ...overrides,
});

test('ADMIN registers a breach; it joins the catalogue and its impact is computed', async () => {
  const { data, errors } = await api.run(REGISTER, { input: input() }, as('ADMIN'));
  expect(errors).toBeUndefined();
  expect(data.registerBreach).toMatchObject({
    id: 'breach-test-almerys-2025',
    victim: { id: 'org-almerys' },
    intrusion: { date: '2025-03-01' },
    compromisedSystems: [{ system: { id: 'sys-almerys-tp-platform' }, accessChannel: { id: 'chan-almerys-pro-login' } }],
    reportedFigures: [{ id: 'fig-test-almerys-2025-pros', value: 1200, reportedBy: { id: 'org-almerys' } }],
  });
  const impact = await api.run('{ breachImpact(breachId: "breach-test-almerys-2025") { referenceDate paths { population { id } exposedCategories { id } } } }', undefined, as('REGULATOR'));
  expect(impact.data.breachImpact.referenceDate).toBe('2025-03-01');
  expect(impact.data.breachImpact.paths.map((p: any) => p.population.id)).toContain('pop-almerys-professionals');
  const { data: list } = await api.run('{ breaches { id } }', undefined, { kind: 'anonymous' });
  expect(list.breaches.map((b: any) => b.id)).toContain('breach-test-almerys-2025');
});

test('registering the same id again replaces that registration (no leftover events)', async () => {
  const { data, errors } = await api.run(REGISTER, { input: input({ events: [{ kind: 'DISCLOSED', date: '2025-03-11' }] }) }, as('ADMIN'));
  expect(errors).toBeUndefined();
  expect(data.registerBreach.timeline).toEqual([{ kind: 'DISCLOSED', date: '2025-03-11' }]);
});

test('references to unknown ids are BAD_USER_INPUT listing each, and nothing is written', async () => {
  const { errors } = await api.run(
    REGISTER,
    { input: input({ id: 'breach-test-bad', victimId: 'org-nope', compromisedSystemIds: ['sys-nope'], exposures: [{ categoryId: 'cat-nope', subjects: 'INSURED', status: 'EXPOSED' }] }) },
    as('ADMIN'),
  );
  expect(errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  for (const bad of ['org-nope', 'sys-nope', 'cat-nope']) expect(errors![0].message).toContain(bad);
  const { errors: notThere } = await api.run('{ breach(id: "breach-test-bad") { id } }', undefined, as('ADMIN'));
  expect(notThere![0].extensions?.code).toBe('NOT_FOUND');
});

test.each([
  ['a seeded breach id', { id: 'breach-viamedis-2024' }, /already exists/],
  ['a malformed id', { id: 'Breach 1' }, /breach-/],
  ['no compromised system', { compromisedSystemIds: [] }, /compromised/],
  ['a bad ATT&CK id', { attackTechniques: ['phishing'] }, /ATT&CK/],
])('%s is BAD_USER_INPUT', async (_name, overrides, message) => {
  const { errors } = await api.run(REGISTER, { input: input(overrides) }, as('ADMIN'));
  expect(errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors![0].message).toMatch(message);
});

test.each([['REGULATOR'], ['ANALYST'], ['INSURER']] as const)('%s cannot register a breach', async (role) => {
  const { errors } = await api.run(REGISTER, { input: input({ id: 'breach-test-forbidden' }) }, as(role, role === 'INSURER' ? 'org-alan' : null));
  expect(errors![0].extensions?.code).toBe('FORBIDDEN');
});

test('regression: a catalogue write by another process is seen by the next request, despite the catalogue cache', async () => {
  // A second API over the same database stands for another process: its own executor, its own cache.
  const other = await startApi(neo4j);
  try {
    const read = () => other.run('{ breach(id: "breach-test-cache-2025") { name victim { name } } }');
    const warm = await other.run('{ breaches { id name victim { name } } }');
    expect(warm.errors).toBeUndefined();
    const before = await read();
    expect(before.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const register = (name: string) => api.run(REGISTER, { input: input({ id: 'breach-test-cache-2025', name, reportedFigures: [] }) }, as('ADMIN'));
    expect((await register('Cache test, first name')).errors).toBeUndefined();
    expect((await read()).data.breach.name).toBe('Cache test, first name');
    // Cached now; a second write must still show through on the next request.
    const cached = await read();
    expect(cached.queries).not.toContain('breach/breaches-by-ids');
    expect((await register('Cache test, renamed')).errors).toBeUndefined();
    const after = await read();
    expect(after.queries).toContain('breach/breaches-by-ids');
    expect(after.data.breach.name).toBe('Cache test, renamed');
  } finally {
    await other.close();
  }
});

test('regression #10: registerBreach cannot overwrite a seeded reported figure (fig-mutame-plus-1800), nor delete it on re-registration', async () => {
  const seededFigure = async () => {
    const { data, errors } = await api.run('{ breach(id: "breach-almerys-2024") { reportedFigures { id value } } }', undefined, as('ADMIN'));
    expect(errors).toBeUndefined();
    return data.breach.reportedFigures.find((f: any) => f.id === 'fig-mutame-plus-1800');
  };
  expect(await seededFigure()).toMatchObject({ value: 1800 });
  const hijack = input({ id: 'breach-test-hijack-2025', reportedFigures: [{ id: 'fig-mutame-plus-1800', metric: 'AFFECTED_PEOPLE', value: 1, qualifier: 'ABOUT', reportedById: 'org-almerys' }] });
  const { errors } = await api.run(REGISTER, { input: hijack }, as('ADMIN'));
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors![0].message).toContain('fig-mutame-plus-1800');
  expect(await seededFigure()).toMatchObject({ value: 1800 });
  // Registering that id again without the figure must not prune the seeded one.
  const again = await api.run(REGISTER, { input: input({ id: 'breach-test-hijack-2025', reportedFigures: [] }) }, as('ADMIN'));
  expect(again.errors).toBeUndefined();
  expect(await seededFigure()).toMatchObject({ value: 1800 });
});

test('regression #10: a registered breach whose id is a seeded event, figure or organisation is refused, naming it', async () => {
  for (const id of ['fig-mutame-plus-1800', 'org-almerys']) {
    const { errors } = await api.run(REGISTER, { input: input({ id: 'breach-test-owner-2025', reportedFigures: [{ id, metric: 'AFFECTED_PEOPLE', value: 2 }] }) }, as('ADMIN'));
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toContain(id);
  }
});

test('a catalogue change whose refresh has not committed: readiness says stale, and answers read from the summaries say they are not current', async () => {
  const FRESH = '{ breachImpact(breachId: "breach-almerys-2024") { freshness { method current staleSince } } crossBreachImpact(breachIds: ["breach-almerys-2024"]) { freshness { current } } }';
  const current = await api.run(FRESH);
  expect(current.errors).toBeUndefined();
  expect(current.data.breachImpact.freshness).toEqual({ method: 'MAINTAINED_SUMMARY', current: true, staleSince: null });
  // What afterWrite does first after a catalogue write; the refresh that follows it is withheld.
  await api.executor.admin().write(cypher('admin/bump-catalogue-version'), {});
  try {
    expect(await checkReadiness(api.executor)).toMatchObject({ ready: false, failed: 'summaries', reason: expect.stringMatching(/catalogue changed/) });
    const stale = await api.run(FRESH);
    expect(stale.data.breachImpact.freshness).toMatchObject({ method: 'MAINTAINED_SUMMARY', current: false });
    expect(Date.parse(stale.data.breachImpact.freshness.staleSince)).toBeGreaterThan(0);
    expect(stale.data.crossBreachImpact.freshness.current).toBe(false);
    // A live count reads the graph itself: current.
    const live = await api.run('{ simulateBreach(systems: ["sys-almerys-tp-platform"]) { freshness { method current } } }');
    expect(live.errors).toBeUndefined();
    expect(live.data.simulateBreach.freshness).toEqual({ method: 'LIVE_COUNT', current: true });
    // An insurer's own date is derived from the summaries: not current either.
    const derived = await api.run('{ breachImpact(breachId: "breach-almerys-2024", asOf: "2024-01-10") { freshness { method current } } }', undefined, as('INSURER', 'org-alan'));
    expect(derived.errors).toBeUndefined();
    expect(derived.data.breachImpact.freshness).toEqual({ method: 'DERIVED_FROM_SUMMARY', current: false });
  } finally {
    await refreshSummaries(api.executor, { portfolio: false });
  }
  expect((await api.run(FRESH)).data).toEqual(current.data);
  expect(await checkReadiness(api.executor)).toMatchObject({ ready: true });
}, SERVER_START_MS);
