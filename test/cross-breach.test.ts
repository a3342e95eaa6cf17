import { syntheticNir } from '../src/identity/nir';
import { importPortfolio } from '../src/domain/import/import-portfolio';
import { Executor } from '../src/db/executor';
import { affected, portfolio, qualifyingFlows } from './brute-force';
import { Api, as, EXACT_COUNTS, SERVER_START_MS, startApi, startPrivateNeo4j, TEST_PSEUDONYM_KEY, testLogger } from './harness';

/**
 * People across breaches (issue #11 §2): the API's cross-breach counts, read from the maintained
 * breach-set summaries, against an in-memory recount of the seed files (test/brute-force.ts, the
 * independent copy of the reach rule), on the seeded case, as every role sees them; then again
 * after imports that put one person in both breaches. On a Neo4j of its own, since it imports.
 */
const VIAMEDIS = 'breach-viamedis-2024';
const ALMERYS = 'breach-almerys-2024';
const BOTH = [VIAMEDIS, ALMERYS];

let neo4j: Awaited<ReturnType<typeof startPrivateNeo4j>>;
let executor: Executor;
let exact: Api;
let controlled: Api;
beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  executor = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 60_000, logger: testLogger });
  exact = await startApi(neo4j, { disclosure: EXACT_COUNTS });
  controlled = await startApi(neo4j);
}, SERVER_START_MS);
afterAll(async () => {
  await exact?.close();
  await controlled?.close();
  await executor?.close();
  await neo4j?.stop();
});

/** A signature: breach id → categories it exposed, as the recount builds it. */
type Sig = Map<string, Set<string>>;

/**
 * The recount: for each contract, the breaches of `breachIds` reaching it (brute-force `affected`)
 * and the categories each exposed (its qualifying flow to the contract's population); people get
 * the union over their contracts. `tenant` keeps an insurer's own contracts reached through flows
 * it controls. Only valid while each insured population has at most one qualifying flow per
 * breach, which it checks, so that the flow reaching a contract is known without the rule.
 */
function recount(breachIds: string[], tenant: string | null = null) {
  const contractSig = new Map<string, Sig>();
  const personSig = new Map<string, Sig>();
  for (const b of breachIds) {
    const reached = affected(b).contracts;
    const flows = qualifyingFlows(b);
    for (const c of portfolio.contracts ?? []) {
      if (!reached.has(c.id)) continue;
      const own = flows.filter((f) => f.flow.population === c.population);
      expect(own).toHaveLength(1);
      const [f] = own;
      if (tenant !== null && (c.insurer !== tenant || f.flow.controller !== tenant)) continue;
      for (const [map, key] of [[contractSig, c.id] as const, ...c.beneficiaries.map((p) => [personSig, p.key] as const)]) {
        const sig = map.get(key) ?? new Map<string, Set<string>>();
        const cats = sig.get(b) ?? new Set<string>();
        for (const cat of f.exposed) cats.add(cat);
        sig.set(b, cats);
        map.set(key, sig);
      }
    }
  }
  const union = (s: Sig) => [...new Set([...s.values()].flatMap((x) => [...x]))].sort();
  const combined = (s: Sig) => s.size > 1 && [...s.values()].every((x) => x.size < union(s).length);
  const count = (pred: (s: Sig) => boolean) => ({ people: [...personSig.values()].filter(pred).length, contracts: [...contractSig.values()].filter(pred).length });
  const groups = (keysOf: (s: Sig) => string[]) => {
    const out = new Map<string, { people: number; contracts: number }>();
    for (const [kind, map] of [['people', personSig], ['contracts', contractSig]] as const) {
      for (const s of map.values()) for (const k of keysOf(s)) {
        const g = out.get(k) ?? { people: 0, contracts: 0 };
        g[kind] += 1;
        out.set(k, g);
      }
    }
    return out;
  };
  const byBreach = breachIds.map((b) => ({ breachId: b, ...count((s) => s.has(b)) }));
  return {
    distinct: count(() => true),
    inSeveral: count((s) => s.size > 1),
    combinedExposure: count(combined),
    byAddition: { people: byBreach.reduce((a, x) => a + x.people, 0), contracts: byBreach.reduce((a, x) => a + x.contracts, 0) },
    byBreach,
    byBreachCombination: groups((s) => [[...s.keys()].sort().join('+')]),
    byCategoryCombination: groups((s) => [union(s).join('+')]),
    byCategory: groups(union),
    personSig,
  };
}

const OP = `query($ids: [ID!]!) { crossBreachImpact(breachIds: $ids) {
  computed referenceDates { breach { id } referenceDate }
  distinct { people contracts suppressed } byAddition { people contracts suppressed }
  inSeveral { people contracts suppressed } combinedExposure { people contracts suppressed }
  byBreach { breach { id } people contracts suppressed }
  byBreachCombination { breaches { id } people contracts suppressed }
  byCategoryCombination { categories { id } people contracts suppressed }
  byCategory { category { id } people contracts suppressed } } }`;

async function ask(api: Api, ids: string[], principal = as('REGULATOR')) {
  const { data, errors } = await api.run(OP, { ids }, principal);
  expect(errors).toBeUndefined();
  return data.crossBreachImpact;
}

const pc = (x: { people: number | null; contracts: number | null }) => ({ people: x.people, contracts: x.contracts });
const asMap = (rows: any[], key: (r: any) => string) => new Map(rows.map((r) => [key(r), pc(r)]));

/** The API's answer, as an exact reader sees it, equals the recount field by field. */
function expectEqualsRecount(answer: any, expected: ReturnType<typeof recount>) {
  expect(answer.computed).toBe(true);
  expect(pc(answer.distinct)).toEqual(expected.distinct);
  expect(pc(answer.inSeveral)).toEqual(expected.inSeveral);
  expect(pc(answer.byAddition)).toEqual(expected.byAddition);
  expect(pc(answer.combinedExposure)).toEqual(expected.combinedExposure);
  expect(answer.byBreach.map((r: any) => ({ breachId: r.breach.id, ...pc(r) }))).toEqual(expect.arrayContaining(expected.byBreach));
  expect(answer.byBreach).toHaveLength(expected.byBreach.length);
  expect(asMap(answer.byBreachCombination, (r) => r.breaches.map((b: any) => b.id).sort().join('+'))).toEqual(expected.byBreachCombination);
  expect(asMap(answer.byCategoryCombination, (r) => r.categories.map((c: any) => c.id).sort().join('+'))).toEqual(expected.byCategoryCombination);
  expect(asMap(answer.byCategory, (r) => r.category.id)).toEqual(expected.byCategory);
}

const INSURERS = [...new Set((portfolio.contracts ?? []).map((c) => c.insurer))].sort();

test('on the seeded case: 283 people by addition, 229 distinct, 54 in both; 179, 148 and 31 contracts', async () => {
  const answer = await ask(exact, BOTH);
  expect(pc(answer.byAddition)).toEqual({ people: 283, contracts: 179 });
  expect(pc(answer.distinct)).toEqual({ people: 229, contracts: 148 });
  expect(pc(answer.inSeveral)).toEqual({ people: 54, contracts: 31 });
  expect(answer.referenceDates.map((r: any) => [r.breach.id, r.referenceDate])).toEqual([[ALMERYS, '2024-02-02'], [VIAMEDIS, '2024-01-22']]);
});

test('every field, for every insurer together and for any set of the breaches, equals the in-memory recount', async () => {
  for (const ids of [BOTH, [VIAMEDIS], [ALMERYS], [ALMERYS, VIAMEDIS, ALMERYS]]) {
    const unique = [...new Set(ids)].sort();
    expectEqualsRecount(await ask(exact, ids), recount(unique));
  }
});

test('each breach’s own figure equals its breachImpact totals (the per-breach summaries)', async () => {
  const answer = await ask(exact, BOTH);
  for (const id of BOTH) {
    const { data } = await exact.run('query($id: ID!) { breachImpact(breachId: $id) { totals { people contracts } } }', { id }, as('REGULATOR'));
    expect(pc(answer.byBreach.find((r: any) => r.breach.id === id))).toEqual(data.breachImpact.totals);
  }
});

test('an insurer reads its own share, exact, whatever the disclosure threshold', async () => {
  for (const insurer of INSURERS) {
    const answer = await ask(controlled, BOTH, as('INSURER', insurer));
    expectEqualsRecount(answer, recount(BOTH, insurer));
  }
});

test('one member’s combined exposure is the union of what each breach exposed of them, through the insurer’s own contracts', async () => {
  const lmg = 'org-la-mutuelle-generale';
  const mine = recount(BOTH, lmg).personSig;
  const inBoth = [...mine].filter(([, s]) => s.size === 2);
  expect(inBoth.length).toBeGreaterThan(0);
  const [key, sig] = inBoth[0];
  const { data, errors } = await exact.run(
    'query($nir: String!) { memberExposure(nir: $nir) { combinedExposure { breachCount breaches { id } categories { id } combined } } }',
    { nir: syntheticNir(key) },
    as('INSURER', lmg),
  );
  expect(errors).toBeUndefined();
  const union = [...new Set([...sig.values()].flatMap((x) => [...x]))].sort();
  expect(data.memberExposure.combinedExposure).toEqual({
    breachCount: 2,
    breaches: BOTH.map((id) => ({ id })).sort((a, b) => a.id.localeCompare(b.id)),
    categories: union.map((id) => ({ id })),
    combined: [...sig.values()].every((x) => x.size < union.length),
  });
});

test('under disclosure control no shown figure is a small cell, the shown ones are exact, and ADMIN reads none', async () => {
  const truth = await ask(exact, BOTH);
  const answer = await ask(controlled, BOTH, as('REGULATOR'));
  const figures = (a: any) => [a.distinct, a.byAddition, a.inSeveral, a.combinedExposure, ...a.byBreach, ...a.byBreachCombination, ...a.byCategoryCombination, ...a.byCategory];
  for (const f of figures(answer)) {
    if (f.suppressed) expect(pc(f)).toEqual({ people: null, contracts: null });
    else for (const n of [f.people, f.contracts]) expect(n === 0 || n >= 10).toBe(true);
  }
  // Shown figures are the exact ones (suppressed cells go last, so compare by name).
  expect(pc(answer.distinct)).toEqual(answer.distinct.suppressed ? { people: null, contracts: null } : pc(truth.distinct));
  const shown = asMap(answer.byCategory.filter((r: any) => !r.suppressed), (r) => r.category.id);
  for (const [id, v] of shown) expect(v).toEqual(asMap(truth.byCategory, (r) => r.category.id).get(id));
  const admin = await ask(controlled, BOTH, as('ADMIN'));
  expect(figures(admin).every((f: any) => f.suppressed && f.people === null)).toBe(true);
});

test('bad input: no breach, too many, an unknown one', async () => {
  const run = (ids: string[]) => exact.run(OP, { ids }, as('REGULATOR'));
  expect((await run([])).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await run(Array.from({ length: 21 }, (_, i) => `b${i}`))).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await run([VIAMEDIS, 'breach-nope'])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect((await exact.run(OP, { ids: BOTH }, { kind: 'anonymous' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

test('after imports that put one new person in both breaches, the maintained counts follow', async () => {
  const before = await ask(exact, BOTH);
  const nir = syntheticNir('cross-breach-test-person');
  const header = 'contract_number,nir,role,product,operator,network,start_date,end_date';
  // MGP is reached through Almerys only, Malakoff Humanis through Viamedis only: the person is in both.
  await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: 'org-mgp', source: `${header}\nXB-MGP-1,${nir},HOLDER,,,,2020-01-01,\n` });
  await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: 'org-malakoff-humanis', source: `${header}\nXB-MH-1,${nir},HOLDER,,,,2020-01-01,\n` });
  const after = await ask(exact, BOTH);
  expect(pc(after.distinct)).toEqual({ people: before.distinct.people + 1, contracts: before.distinct.contracts + 2 });
  expect(pc(after.byAddition)).toEqual({ people: before.byAddition.people + 2, contracts: before.byAddition.contracts + 2 });
  expect(pc(after.inSeveral)).toEqual({ people: before.inSeveral.people + 1, contracts: before.inSeveral.contracts });
  // Still the per-breach summaries' own totals, refreshed by the same write.
  for (const id of BOTH) {
    const { data } = await exact.run('query($id: ID!) { breachImpact(breachId: $id) { totals { people contracts } } }', { id }, as('REGULATOR'));
    expect(pc(after.byBreach.find((r: any) => r.breach.id === id))).toEqual(data.breachImpact.totals);
  }
  // Each insurer sees its own contract, through one breach only: for it, nobody is in both.
  const mgp = await ask(exact, BOTH, as('INSURER', 'org-mgp'));
  expect(pc(mgp.inSeveral)).toEqual({ people: 0, contracts: 0 });
});

test('the cross-breach counts carry their breaches’ coverage: a lower bound when either is, their sources, the insurers with no portfolio loaded', async () => {
  for (const role of ['REGULATOR', 'ANALYST'] as const) {
    const { data, errors } = await exact.run(`query ($ids: [ID!]!) { crossBreachImpact(breachIds: $ids) { lowerBound sources insurersWithoutPortfolio { id } } }`, { ids: BOTH }, as(role));
    expect(errors).toBeUndefined();
    const each = await Promise.all(
      BOTH.map(async (id) => {
        const r = await exact.run(`query ($id: ID!) { breachImpact(breachId: $id) { totals { lowerBound sources insurersWithoutPortfolio { id } } } }`, { id }, as(role));
        expect(r.errors).toBeUndefined();
        return r.data.breachImpact.totals;
      }),
    );
    const union = (list: string[][]) => [...new Set(list.flat())].sort();
    expect({
      lowerBound: data.crossBreachImpact.lowerBound,
      sources: data.crossBreachImpact.sources,
      without: data.crossBreachImpact.insurersWithoutPortfolio.map((o: any) => o.id).sort(),
    }).toEqual({
      lowerBound: each.some((t: any) => t.lowerBound),
      sources: union(each.map((t: any) => t.sources)),
      without: union(each.map((t: any) => t.insurersWithoutPortfolio.map((o: any) => o.id))),
    });
    // The seeded case: synthetic portfolios, and insurers reached with none loaded (a lower bound).
    expect(data.crossBreachImpact.lowerBound).toBe(true);
    expect(data.crossBreachImpact.sources).toContain('SYNTHETIC');
    expect(data.crossBreachImpact.insurersWithoutPortfolio.length).toBeGreaterThan(0);
  }
});
