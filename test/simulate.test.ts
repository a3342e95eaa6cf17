import { ANONYMOUS } from '../src/auth/principal';
import { cypher } from '../src/db/cypher-files';
import { newRoundTripCounter } from '../src/db/executor';
import { requestDb } from '../src/db/request-db';
import { simulatedPaths } from '../src/domain/simulate/simulate.repository';
import { Api, as, EXACT_COUNTS, startApi } from './harness';

/**
 * Issue #11 §6, what-if: `simulateBreach` answers what a breach of given systems or access channels
 * would reach, in the shape of `breachImpact`, by the same reach rule (cypher/reach/impact-path),
 * and writes nothing.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi(undefined, { disclosure: EXACT_COUNTS });
});
afterAll(async () => {
  await api.close();
});

const IMPACT = `referenceDate referenceDateBasis breach { id }
  totals { people contracts insurers populations }
  byInsurer { insurer { id } people contracts }
  byPartner { partner { id } role people contracts insurers }
  byCategory { category { id } people contracts }
  paths { flow { id } system { id } operator { id } partner { id } controller { id } population { id } exposedCategories { id } hops { kind id } }`;

const sorted = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

/** The graph's size and catalogue version, read through the executor (the statements the admin tools use). */
async function footprint(): Promise<{ nodes: number; relationships: number; version: unknown }> {
  const [size] = await api.executor.read<{ nodes: number; relationships: number }>(cypher('probe/count-graph'));
  const [version] = await api.executor.read<{ version: unknown }>(cypher('admin/catalogue-version'));
  return { nodes: size.nodes, relationships: size.relationships, version: version.version };
}

test('a what-if of a real breach’s systems and exposures on its date answers what breachImpact answers', async () => {
  // Viamedis 2024: its compromised systems, its exposed categories, its reference date.
  const real = await api.run(`{ breach(id: "breach-viamedis-2024") { compromisedSystems { system { id } } exposures { category { id } status } }
    breachImpact(breachId: "breach-viamedis-2024") { ${IMPACT} } }`);
  expect(real.errors).toBeUndefined();
  const systems = real.data.breach.compromisedSystems.map((c: any) => c.system.id);
  const categories = [...new Set(real.data.breach.exposures.filter((x: any) => x.status !== 'NOT_EXPOSED').map((x: any) => x.category.id))];
  const sim = await api.run(`query($s: [ID!]!, $c: [ID!], $d: LocalDate) { simulateBreach(systems: $s, categories: $c, asOf: $d) { ${IMPACT} } }`, {
    s: systems,
    c: categories,
    d: real.data.breachImpact.referenceDate,
  });
  expect(sim.errors).toBeUndefined();
  const a = real.data.breachImpact;
  const b = sim.data.simulateBreach;
  expect(b.breach).toBeNull();
  expect(b.referenceDate).toBe(a.referenceDate);
  expect(b.referenceDateBasis).toBe('AS_OF_ARGUMENT');
  // Categories are exposed per kind of subject in the breach, for every kind in the what-if, so
  // compare the insured people's side: same paths, same people and contracts per insurer.
  const insured = (r: any) => sorted(r.paths.filter((p: any) => p.population.id.endsWith('-insured') || p.population.id.endsWith('-clients')).map((p: any) => `${p.flow.id}|${p.partner?.id ?? ''}`), (x: string) => x);
  expect(insured(b)).toEqual(insured(a));
  expect(sorted(b.byInsurer, (r: any) => r.insurer.id)).toEqual(sorted(a.byInsurer, (r: any) => r.insurer.id));
  expect(b.totals.people).toBe(a.totals.people);
  expect(b.totals.contracts).toBe(a.totals.contracts);
  // Hops start at the system: a what-if names no breach.
  for (const p of b.paths) expect(p.hops[0].kind).toBe('SYSTEM');
});

test('a what-if walks its populations’ contracts once: the paths come without routes, and the count fills them', async () => {
  const real = await api.run(`{ breach(id: "breach-viamedis-2024") { compromisedSystems { system { id } } }
    breachImpact(breachId: "breach-viamedis-2024") { referenceDate paths { flow { id } partner { id } } } }`);
  expect(real.errors).toBeUndefined();
  const systems: string[] = real.data.breach.compromisedSystems.map((c: any) => c.system.id);
  const asOf: string = real.data.breachImpact.referenceDate;
  // The paths statement alone: no walk over contracts, so no care network on any path.
  const bare = await simulatedPaths(requestDb(api.executor, newRoundTripCounter()), { systemIds: systems, channelIds: [], categoryIds: null, followFlows: false, asOf }, null);
  expect(bare.paths.some((p) => p.populationKind === 'INSURED')).toBe(true);
  for (const p of bare.paths) expect(p.networkRoutes).toEqual([]);
  // The answer lists the care networks the count found, as the breach's stored paths do.
  const sim = await api.run(`query($s: [ID!]!, $d: LocalDate) { simulateBreach(systems: $s, asOf: $d) { paths { flow { id } partner { id } } } }`, { s: systems, d: asOf });
  expect(sim.errors).toBeUndefined();
  const routes = (ps: any[]) => sorted(ps.filter((p) => p.partner !== null).map((p) => `${p.flow.id}|${p.partner.id}`), (x: string) => x);
  expect(routes(sim.data.simulateBreach.paths).length).toBeGreaterThan(0);
  expect(routes(sim.data.simulateBreach.paths)).toEqual(expect.arrayContaining(routes(real.data.breachImpact.paths)));
});

test('“If the Almerys professionals’ portal falls tomorrow, who is affected, through which partner?” — and nothing is written', async () => {
  const before = await footprint();
  // The portal alone holds no recorded data: no flow goes into it (its professionals' accounts flow to the platform).
  const alone = await api.run(`{ simulateBreach(systems: ["sys-almerys-pro-portal"]) { simulatedSystems { id } ${IMPACT} } }`);
  expect(alone.errors).toBeUndefined();
  expect(alone.data.simulateBreach.simulatedSystems).toEqual([{ id: 'sys-almerys-pro-portal' }]);
  expect(alone.data.simulateBreach.paths).toEqual([]);
  expect(alone.data.simulateBreach.totals).toEqual({ people: 0, contracts: 0, insurers: 0, populations: 0 });
  // Taken as in 2024: its sessions reach the platform its data flows into.
  const { data, errors } = await api.run(`{ simulateBreach(accessChannels: ["chan-almerys-pro-login"], followFlows: true) { simulatedSystems { id } ${IMPACT} } }`);
  expect(errors).toBeUndefined();
  const after = await footprint();
  expect(after).toEqual(before);
  const r = data.simulateBreach;
  expect(r.simulatedSystems.map((s: any) => s.id).sort()).toEqual(['sys-almerys-pro-portal', 'sys-almerys-tp-platform']);
  expect(r.paths.length).toBeGreaterThan(5);
  for (const p of r.paths) {
    expect(p.system.id).toBe('sys-almerys-tp-platform');
    expect(p.operator.id).toBe('org-almerys');
  }
  expect(r.paths.map((p: any) => p.flow.id)).toContain('flow-almerys-professionals');
  expect(r.totals.insurers).toBeGreaterThan(5);
  expect(r.totals.people).toBeGreaterThan(0);
  expect(r.byPartner[0]).toMatchObject({ partner: { id: 'org-almerys' }, role: 'OPERATOR' });
});

test('a what-if of the Almerys platform reaches the insurers behind it', async () => {
  const { data, errors } = await api.run(`{ simulateBreach(systems: ["sys-almerys-tp-platform"], categories: ["cat-nir"]) { ${IMPACT} } }`);
  expect(errors).toBeUndefined();
  const r = data.simulateBreach;
  expect(r.totals.insurers).toBeGreaterThan(5);
  expect(r.byCategory.map((c: any) => c.category.id)).toEqual(['cat-nir']);
  expect(r.totals.people).toBeGreaterThan(0);
});

test('an insurer simulates its own share only', async () => {
  const { data, errors } = await api.run(`{ simulateBreach(systems: ["sys-almerys-tp-platform"], asOf: "2024-02-02") { paths { controller { id } } byInsurer { insurer { id } } } }`, undefined, as('INSURER', 'org-mgp'));
  expect(errors).toBeUndefined();
  expect(data.simulateBreach.paths.length).toBeGreaterThan(0);
  for (const p of data.simulateBreach.paths) expect(p.controller).toEqual({ id: 'org-mgp' });
  expect(data.simulateBreach.byInsurer.map((r: any) => r.insurer.id)).toEqual(['org-mgp']);
});

test('bad input names the bad value with a stable code', async () => {
  const cases: Array<[string, string, string]> = [
    ['systems: ["sys-nope"]', 'NOT_FOUND', 'sys-nope'],
    ['accessChannels: ["chan-nope"]', 'NOT_FOUND', 'chan-nope'],
    ['systems: ["sys-almerys-pro-portal"], categories: ["cat-nope"]', 'NOT_FOUND', 'cat-nope'],
    ['systems: []', 'BAD_USER_INPUT', 'systems'],
    ['systems: ["sys-almerys-pro-portal"], categories: []', 'BAD_USER_INPUT', 'categories'],
    ['systems: ["sys-almerys-pro-portal"], asOf: "2024-02-30"', 'BAD_USER_INPUT', '2024-02-30'],
  ];
  for (const [args, code, named] of cases) {
    const { errors } = await api.run(`{ simulateBreach(${args}) { totals { people } } }`);
    expect({ args, code: errors?.[0]?.extensions?.code }).toEqual({ args, code });
    expect(errors![0].message).toContain(named);
  }
});

test('aggregate roles simulate on today’s date only; without a token, nothing', async () => {
  const regulator = await startApi();
  try {
    const ok = await regulator.run(`{ simulateBreach(systems: ["sys-almerys-tp-platform"]) { totals { insurers } } }`, undefined, as('REGULATOR'));
    expect(ok.errors).toBeUndefined();
    expect(ok.data.simulateBreach.totals.insurers).toBeGreaterThan(5);
    const dated = await regulator.run(`{ simulateBreach(systems: ["sys-almerys-tp-platform"], asOf: "2024-02-02") { totals { people } } }`, undefined, as('REGULATOR'));
    expect(dated.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  } finally {
    await regulator.close();
  }
  const anonymous = await api.run(`{ simulateBreach(systems: ["sys-almerys-tp-platform"]) { totals { people } } }`, undefined, ANONYMOUS);
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});
