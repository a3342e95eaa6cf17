import { affected, portfolio } from './brute-force';
import { Api, as, startApi } from './harness';

/** affectedContracts pages by cursor: every affected contract once, in order, nothing else. */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const PAGE = `query($insurer: ID!, $breach: ID!, $after: String) {
  affectedContracts(insurerId: $insurer, breachId: $breach, first: 7, after: $after) {
    totalCount referenceDate pageInfo { hasNextPage endCursor }
    edges { cursor node { contract { id synthetic endDate } beneficiaryCount exposedCategories { id }
      paths { basis operator { id } controller { id } hops { kind id gdprRole } } } } } }`;

async function all(insurer: string, breach: string) {
  const ids: string[] = [];
  let after: string | null = null;
  let total: number | undefined;
  let pages = 0;
  for (;;) {
    const { data, errors }: any = await api.run(PAGE, { insurer, breach, after }, as('INSURER', insurer));
    expect(errors).toBeUndefined();
    const page = data.affectedContracts;
    total = page.totalCount;
    pages += 1;
    for (const e of page.edges) {
      ids.push(e.node.contract.id);
      expect(e.node.contract.synthetic).toBe(true);
      expect(e.node.paths.length).toBeGreaterThan(0);
      for (const p of e.node.paths) expect(p.controller.id).toBe(insurer);
      expect(e.node.exposedCategories.map((c: any) => c.id)).toContain('cat-nir');
    }
    if (!page.pageInfo.hasNextPage) break;
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    after = page.pageInfo.endCursor;
  }
  return { ids, total, pages };
}

test.each([
  ['org-alan', 'breach-almerys-2024'],
  ['org-la-mutuelle-generale', 'breach-viamedis-2024'],
  ['org-la-mutuelle-generale', 'breach-almerys-2024'],
  ['org-aesio', 'breach-viamedis-2024'],
])('%s through %s: every affected contract once, in id order, matching the recount', async (insurer, breach) => {
  const { ids, total, pages } = await all(insurer, breach);
  const expected = [...(affected(breach).byInsurer.get(insurer) ?? [])].sort();
  expect(ids).toEqual(expected);
  expect(total).toBe(expected.length);
  expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 7)));
});

test('an insurer the breach does not reach gets an empty page', async () => {
  const { data } = await api.run(PAGE, { insurer: 'org-alan', breach: 'breach-viamedis-2024', after: null }, as('INSURER', 'org-alan'));
  expect(data.affectedContracts).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
});

test('Alan’s former clients stay exposed: contracts ended before the breach are listed', async () => {
  const { ids } = await all('org-alan', 'breach-almerys-2024');
  const { data } = await api.run(`{ affectedContracts(insurerId: "org-alan", breachId: "breach-almerys-2024", first: 100) {
    edges { node { contract { endDate } paths { basis } } } } }`, {}, as('INSURER', 'org-alan'));
  const ended = data.affectedContracts.edges.filter((e: any) => e.node.contract.endDate !== null && e.node.contract.endDate < '2024-02-02');
  expect(ids.length).toBeGreaterThan(0);
  expect(ended.length).toBeGreaterThan(0);
});

test('La Mutuelle Générale contracts reached through Viamedis are data left behind (RETAINED), with the operator as processor', async () => {
  const { data } = await api.run(PAGE, { insurer: 'org-la-mutuelle-generale', breach: 'breach-viamedis-2024', after: null }, as('INSURER', 'org-la-mutuelle-generale'));
  for (const e of data.affectedContracts.edges) {
    const p = e.node.paths[0];
    expect(p.basis).toBe('RETAINED');
    expect(p.hops.find((h: any) => h.kind === 'OPERATOR')).toEqual({ kind: 'OPERATOR', id: 'org-viamedis', gdprRole: 'PROCESSOR' });
    expect(p.hops.find((h: any) => h.kind === 'CONTROLLER')).toEqual({ kind: 'CONTROLLER', id: 'org-la-mutuelle-generale', gdprRole: 'CONTROLLER' });
  }
});

const SEARCH = `query($breach: ID!, $search: String, $after: String) {
  affectedContracts(breachId: $breach, search: $search, first: 3, after: $after) {
    totalCount freshness { method current } pageInfo { hasNextPage endCursor } edges { node { contract { id number } } } } }`;

/** Every page of a search, walked by cursor: the contract numbers in order, the totalCount of each page, the pages. */
async function searched(insurer: string, breach: string, search: string | null) {
  const numbers: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { data, errors }: any = await api.run(SEARCH, { breach, search, after }, as('INSURER', insurer));
    expect(errors).toBeUndefined();
    const page = data.affectedContracts;
    totals.add(page.totalCount);
    if (search?.trim()) expect(page.freshness).toEqual({ method: 'LIVE_COUNT', current: true });
    pages += 1;
    numbers.push(...page.edges.map((e: any) => e.node.contract.number));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { numbers, totals: [...totals], pages };
}

/** The numbers of the insurer's contracts the recount says the breach reaches, in contract-id order, whose number starts with `prefix` (any case). */
function expectedNumbers(insurer: string, breach: string, prefix: string): string[] {
  const reached = affected(breach).byInsurer.get(insurer) ?? new Set<string>();
  return (portfolio.contracts ?? [])
    .filter((c) => reached.has(c.id) && c.number.toLowerCase().startsWith(prefix.trim().toLowerCase()))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => c.number);
}

test.each([
  ['org-la-mutuelle-generale', 'breach-viamedis-2024', 'syn-lmg-1001'],
  ['org-la-mutuelle-generale', 'breach-almerys-2024', 'SYN-LMG-1000'],
  ['org-la-mutuelle-generale', 'breach-almerys-2024', '  Syn-Lmg-10002 '],
  ['org-alan', 'breach-almerys-2024', 'syn-alan-1002'],
])('%s through %s, search %j: exactly the reached contracts whose number starts with it, across pages, and totalCount counts them', async (insurer, breach, search) => {
  const expected = expectedNumbers(insurer, breach, search);
  const { numbers, totals, pages } = await searched(insurer, breach, search);
  expect(numbers).toEqual(expected);
  expect(totals).toEqual([expected.length]);
  expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 3)));
});

test('the searches above are not vacuous: they span pages, leave contracts out, and a number matches itself alone', async () => {
  const all = expectedNumbers('org-la-mutuelle-generale', 'breach-viamedis-2024', '');
  const some = expectedNumbers('org-la-mutuelle-generale', 'breach-viamedis-2024', 'syn-lmg-1001');
  expect(some.length).toBeGreaterThan(3);
  expect(some.length).toBeLessThan(all.length);
  const last = all.at(-1)!;
  expect((await searched('org-la-mutuelle-generale', 'breach-viamedis-2024', last.toLowerCase())).numbers).toEqual([last]);
  // Another insurer's number finds nothing: the search is within the token's contracts.
  const other = expectedNumbers('org-alan', 'breach-almerys-2024', '')[0];
  expect(await searched('org-la-mutuelle-generale', 'breach-almerys-2024', other)).toEqual({ numbers: [], totals: [0], pages: 1 });
  // Blank is no search: the whole list, totalCount from the summaries.
  expect((await searched('org-la-mutuelle-generale', 'breach-viamedis-2024', '   ')).numbers).toEqual(all);
});

test.each([
  ['too long', 'S'.repeat(65)],
  ['a control character', 'SYN\n'],
])('a search %s is BAD_USER_INPUT naming the argument', async (_, search) => {
  const { data, errors }: any = await api.run(SEARCH, { breach: 'breach-almerys-2024', search, after: null }, as('INSURER', 'org-alan'));
  expect(data).toBeNull();
  expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'search' });
});
