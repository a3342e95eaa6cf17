import { cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { syntheticNir } from '../src/identity/nir';
import type { Principal } from '../src/auth/principal';
import { importPortfolio } from '../src/domain/import/import-portfolio';
import { Api, as, startApi, startPrivateNeo4j, TEST_PSEUDONYM_KEY, testLogger, SERVER_START_MS } from './harness';

/**
 * Issue #10 §3, "aggregates that reveal no individual": the three attacks of the red-team pass,
 * replayed as they were run. Each test FAILS when the attack recovers the individual fact (it did
 * on the code before the disclosure-control policy) and passes once the policy stops it. Default
 * configuration (DISCLOSURE_MIN_CELL 10). On a Neo4j of its own, since attack (c) imports rows.
 */
let neo4j: Awaited<ReturnType<typeof startPrivateNeo4j>>;
let executor: Executor;
let api: Api;
beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  executor = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 60_000, logger: testLogger });
  api = await startApi(neo4j);
  // The red team's cell of one person: an insurer reached by Almerys with a single insured in the
  // graph (Mutuelle LMP has no synthetic contract, so one imported row makes the cell).
  const lone = `${HEADER}\nLONE-1,${syntheticNir('lone-1')},HOLDER,P,org-almerys,,2018-01-01,`;
  expect(await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: LONE_INSURER, source: lone })).toMatchObject({ rowsLoaded: 1 });
}, SERVER_START_MS);
afterAll(async () => {
  await api?.close();
  await executor?.close();
  await neo4j?.stop();
});

const BREACHES = ['breach-viamedis-2024', 'breach-almerys-2024'];
const MIN_CELL = 10;
const HEADER = 'contract_number,nir,role,product,operator,network,start_date,end_date';
const LONE_INSURER = 'org-mutuelle-lmp';
/** Dates an attacker would try besides the default: the first of each month of 2023 (cells were smaller before the 2024 portfolio moves). */
const ATTACK_DATES = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}-01`);

interface Cell {
  insurer: { id: string };
  people: number | null;
}

/** What an aggregate role reads of `byInsurer` (only fields that existed before the fix, so the attack runs on both); [] when refused. */
async function byInsurer(breachId: string, principal: Principal, asOf?: string): Promise<Cell[]> {
  const arg = asOf ? `, asOf: "${asOf}"` : '';
  const { data, errors } = await api.run<{ breachImpact: { byInsurer: Cell[] } }>(`{ breachImpact(breachId: "${breachId}"${arg}) { byInsurer { insurer { id } people } } }`, undefined, principal);
  if (asOf && errors?.[0].extensions?.code === 'FORBIDDEN') return [];
  expect(errors).toBeUndefined();
  return data.breachImpact.byInsurer;
}

describe('attack (a): small byInsurer cells', () => {
  test.each(['ANALYST', 'REGULATOR'] as const)('regression: an %s sees no byInsurer cell of fewer than 10 people (a cell of 1 person named one insured)', async (role) => {
    // Precondition: the cell of one person exists (its insurer, entitled to it, reads 1).
    expect((await byInsurer('breach-almerys-2024', as('INSURER', LONE_INSURER))).map((c) => c.people)).toEqual([1]);
    const small: Array<{ breachId: string; asOf: string; insurer: string; people: number }> = [];
    for (const breachId of BREACHES) {
      for (const asOf of [undefined, ...ATTACK_DATES]) {
        for (const c of await byInsurer(breachId, as(role), asOf)) {
          if (typeof c.people === 'number' && c.people > 0 && c.people < MIN_CELL) small.push({ breachId, asOf: asOf ?? 'default', insurer: c.insurer.id, people: c.people });
        }
      }
    }
    expect(small).toEqual([]);
  });

  test('the seeded graph does have such cells: suppressed ones say so, and their insurer still sees its own exact figure', async () => {
    const { data, errors } = await api.run<{ breachImpact: { byInsurer: Array<Cell & { contracts: number | null; suppressed: boolean }> } }>(
      '{ breachImpact(breachId: "breach-almerys-2024") { byInsurer { insurer { id } people contracts suppressed } } }',
      undefined,
      as('ANALYST'),
    );
    expect(errors).toBeUndefined();
    const suppressed = data.breachImpact.byInsurer.filter((c) => c.suppressed);
    // Without at least one suppressed cell the attack test above would prove nothing.
    expect(suppressed.length).toBeGreaterThan(0);
    // Never a silent 0: a suppressed cell has no number at all.
    for (const c of suppressed) expect(c).toMatchObject({ people: null, contracts: null });
    expect(suppressed.map((c) => c.insurer.id)).toContain(LONE_INSURER);
    // Complementary suppression: never exactly one suppressed cell beside a visible total.
    expect(suppressed.length).not.toBe(1);
    // The insurer of a suppressed cell is entitled to its own rows: its figure is exact.
    const own = await byInsurer('breach-almerys-2024', as('INSURER', suppressed[0].insurer.id));
    expect(own).toHaveLength(1);
    expect(own[0].people).toEqual(expect.any(Number));
  });
});

describe('attack (b): differencing breachImpact(asOf) on consecutive dates', () => {
  const day = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

  /**
   * The attack as run: binary-search, within a year, the first day the contract count exceeds the
   * count on its first day; when the counts on that day and the day before differ by one, one
   * contract started exactly then. Returns null when the API does not answer.
   */
  async function recoverOneContractDate(principal: Principal): Promise<{ date: string; calls: number } | null> {
    let calls = 0;
    const contracts = async (asOf: string): Promise<number | null> => {
      calls++;
      const { data, errors } = await api.run<{ breachImpact: { totals: { contracts: number | null } } }>(`{ breachImpact(breachId: "breach-viamedis-2024", asOf: "${asOf}") { totals { contracts } } }`, undefined, principal);
      if (errors || typeof data?.breachImpact?.totals?.contracts !== 'number') return null;
      return data.breachImpact.totals.contracts;
    };
    // A year the attacker picks; look for the first day the count grows by one.
    let [lo, hi] = ['2023-01-01', '2023-12-31'];
    const [low, high] = [await contracts(lo), await contracts(hi)];
    if (low === null || high === null || high <= low) return null;
    const goal = low + 1;
    while (daysBetween(lo, hi) > 1) {
      const mid = day(lo, Math.floor(daysBetween(lo, hi) / 2));
      const n = await contracts(mid);
      if (n === null) return null;
      if (n >= goal) hi = mid;
      else lo = mid;
    }
    const [before, after] = [await contracts(lo), await contracts(hi)];
    if (before === null || after === null || after - before !== 1) return null;
    return { date: hi, calls };
  }

  test.each(['ANALYST', 'REGULATOR'] as const)('regression: an %s cannot recover one contract’s start date by binary-searching asOf', async (role) => {
    const recovered = await recoverOneContractDate(as(role));
    if (recovered) {
      // Say what leaked: a synthetic contract of the graph starts (or ends) on the recovered date.
      const rows = await executor.read<{ props: Record<string, unknown> }>(cypher('admin/all-properties'));
      const dated = rows.filter((r) => r.props.startDate === recovered.date || r.props.endDate === recovered.date);
      expect({ recovered, contractsOnThatDate: dated.length }).toBeNull();
    }
    expect(recovered).toBeNull();
  });

  test('an undocumented asOf is FORBIDDEN for aggregate roles, naming the dates they may use; the documented ones answer', async () => {
    const { errors } = await api.run('{ breachImpact(breachId: "breach-almerys-2024", asOf: "2023-06-15") { totals { contracts } } }', undefined, as('REGULATOR'));
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(errors?.[0].message).toMatch(/2024-02-02/);
    const allowed = errors?.[0].extensions?.allowedDates as string[];
    expect(allowed).toContain('2024-02-02');
    for (const asOf of allowed) {
      const ok = await api.run(`{ breachImpact(breachId: "breach-almerys-2024", asOf: "${asOf}") { referenceDate } }`, undefined, as('ANALYST'));
      expect({ asOf, errors: ok.errors }).toEqual({ asOf, errors: undefined });
    }
    // The same question through Breach.impact is refused the same way.
    const nested = await api.run('{ breach(id: "breach-almerys-2024") { impact(asOf: "2023-06-15") { totals { people } } } }', undefined, as('ANALYST'));
    expect(nested.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // An insurer differencing its own rows learns only its own rows: any date answers.
    const own = await api.run('{ breachImpact(breachId: "breach-almerys-2024", asOf: "2023-06-15") { totals { contracts } } }', undefined, as('INSURER', 'org-alan'));
    expect(own.errors).toBeUndefined();
  });
});

describe('attack (c): the import path as a membership oracle', () => {
  const IMPORT = 'mutation($csv: String!) { importPortfolio(insurerId: "org-mutame-plus", csv: $csv) { rowsLoaded } }';
  const people = async (): Promise<number | null> => {
    const { data } = await api.run<{ breachImpact: { totals: { people: number | null } } }>('{ breachImpact(breachId: "breach-almerys-2024") { totals { people } } }', undefined, as('ADMIN'));
    return data.breachImpact.totals.people;
  };
  const importRow = async (contract: string, nir: string) => {
    const { data, errors } = await api.run(IMPORT, { csv: `${HEADER}\n${contract},${nir},HOLDER,P,org-almerys,,2018-01-01,` }, as('ADMIN'));
    expect(errors).toBeUndefined();
    expect(data.importPortfolio.rowsLoaded).toBe(1);
  };

  test('regression: an ADMIN importing one row cannot tell from totals.people whether its NIR was already breached', async () => {
    const known = syntheticNir('oracle-known');
    const fresh = syntheticNir('oracle-fresh');
    await importRow('ORACLE-1', known); // `known` is now among the breached people
    const p0 = await people();
    await importRow('ORACLE-2', known); // probe with a NIR already breached
    const p1 = await people();
    await importRow('ORACLE-3', fresh); // probe with a NIR never seen
    const p2 = await people();
    const oracle = [p0, p1, p2].every((p) => typeof p === 'number') && p1! - p0! !== p2! - p1!;
    expect({ p0, p1, p2, oracle }).toMatchObject({ oracle: false });
  });

  test('an ADMIN’s counts are withheld and say so', async () => {
    const { data, errors } = await api.run('{ breachImpact(breachId: "breach-almerys-2024") { totals { people contracts suppressed } byInsurer { people suppressed } } }', undefined, as('ADMIN'));
    expect(errors).toBeUndefined();
    expect(data.breachImpact.totals).toEqual({ people: null, contracts: null, suppressed: true });
    expect(data.breachImpact.byInsurer.every((c: { people: number | null; suppressed: boolean }) => c.people === null && c.suppressed)).toBe(true);
  });
});
