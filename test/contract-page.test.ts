import { cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { Api, as, startApi, startPrivateNeo4j, testLogger, TestNeo4j } from './harness';

/**
 * A contract page reads its rows on what the process already holds (the tenant's and the breach's
 * catalogue rows, the breach's stored paths) and confirms them in its own statement; the audit
 * record follows, committed before the rows leave. These tests change
 * what the process holds behind its back, on a database of their own.
 */
let neo4j: TestNeo4j & { stop(): Promise<void> };
let api: Api;
let admin: Executor;
beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  api = await startApi(neo4j);
  admin = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 60_000, logger: testLogger });
});
afterAll(async () => {
  await api?.close();
  await admin?.close();
  await neo4j?.stop();
});

const PAGE = `query Page($first: Int!) { affectedContracts(breachId: "breach-almerys-2024", first: $first) {
  totalCount pageInfo { hasNextPage } edges { node { contract { id insurer { name } } paths { flowId: flow { id } controller { name } } } } } }`;
const ALAN = as('INSURER', 'org-alan');
const cypherText = (text: string) => ({ name: 'test/contract-page', text });

async function page(principal = ALAN) {
  return api.run<any>(PAGE, { first: 5 }, principal);
}

async function readRecords(): Promise<number> {
  const [row] = await admin.read<{ n: number }>(cypherText("MATCH (e:AuditEvent {field: 'Query.affectedContracts', outcome: 'READ'}) RETURN count(e) AS n"));
  return row.n;
}

test('warm, a page is its statement and its record; the same page again after the catalogue changed, read afresh', async () => {
  const first = await page();
  expect(first.errors).toBeUndefined();
  const warm = await page();
  expect(warm.queries).toEqual(['contract/affected-contracts-page', 'audit/append-events']);
  expect(warm.data).toEqual(first.data);
  await admin.write(cypher('admin/bump-catalogue-version'));
  const before = await readRecords();
  const moved = await page();
  expect(moved.errors).toBeUndefined();
  expect(moved.data).toEqual(first.data);
  // The first page statement found another catalogue version: its rows dropped, no record from it.
  expect(moved.queries.filter((q) => q === 'contract/affected-contracts-page')).toHaveLength(2);
  expect(moved.queries).toContain('admin/catalogue-version');
  expect(await readRecords()).toBe(before + 1);
  const again = await page();
  expect(again.queries).toEqual(['contract/affected-contracts-page', 'audit/append-events']);
});

test('a stored summary rewritten since it was parsed is used in its new version, not the one the process held', async () => {
  await page();
  // Same content under a new version: what a refresh writes when nothing changed for the page.
  await admin.write(cypherText("MATCH (g:ImpactSummary {breachId: 'breach-almerys-2024'}) SET g.version = randomUUID()"));
  const before = await readRecords();
  const moved = await page();
  expect(moved.errors).toBeUndefined();
  expect(moved.data.affectedContracts.edges.length).toBeGreaterThan(0);
  expect(moved.queries.filter((q) => q === 'contract/affected-contracts-page')).toHaveLength(2);
  expect(await readRecords()).toBe(before + 1);
  const again = await page();
  expect(again.queries).toEqual(['contract/affected-contracts-page', 'audit/append-events']);
  expect(again.data).toEqual(moved.data);
});

test('regression: an organisation that stopped being an insurer is refused at once, though the process held it as one', async () => {
  expect((await page()).errors).toBeUndefined();
  await admin.write(cypherText("MATCH (o:Organization {id: 'org-alan'}) SET o.roles = [r IN o.roles WHERE r <> 'INSURER']"));
  await admin.write(cypher('admin/bump-catalogue-version'));
  try {
    const refused = await page();
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  } finally {
    await admin.write(cypherText("MATCH (o:Organization {id: 'org-alan'}) SET o.roles = o.roles + 'INSURER'"));
    await admin.write(cypher('admin/bump-catalogue-version'));
  }
  expect((await page()).errors).toBeUndefined();
});

test('regression: a page whose audit record cannot be written returns no rows, and records no read', async () => {
  await page();
  // A record already holding the next sequence: the page's record breaks the unique constraint.
  const [head] = await admin.read<{ sequence: number }>(cypherText("MATCH (h:AuditChain {id: 'audit'}) RETURN h.sequence AS sequence"));
  await admin.write(cypherText('CREATE (:AuditEvent {id: randomUUID(), sequence: $sequence, field: "planted"})'), { sequence: head.sequence + 1 });
  const before = await readRecords();
  try {
    const failed = await page();
    expect(failed.data).toBeNull();
    expect(failed.errors?.length).toBeGreaterThan(0);
    expect(await readRecords()).toBe(before);
  } finally {
    await admin.write(cypherText('MATCH (e:AuditEvent {field: "planted"}) DETACH DELETE e'));
  }
  expect((await page()).errors).toBeUndefined();
});
