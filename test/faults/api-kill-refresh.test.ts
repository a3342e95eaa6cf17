import neo4j, { Driver, Session, Transaction } from 'neo4j-driver';
import type { Executor } from '../../src/db/executor';
import { applySchema } from '../../src/db/schema';
import { checkReadiness } from '../../src/domain/health/readiness';
import { PORTFOLIO_COLUMNS } from '../../src/domain/import/portfolio-row';
import { loadSeeds } from '../../src/domain/seed/load-seeds';
import { syntheticNir } from '../../src/identity/nir';
import { Api, EXACT_COUNTS, SERVER_START_MS, startApi, TEST_JWT_SECRET, TEST_PSEUDONYM_KEY } from '../harness';
import { token } from '../tokens';
import { ApiProcess, buildDist, faultStore, FaultStore, graphql, startApiProcess, summaryLock } from './fault-harness';

/**
 * Issue #14 §3, the API killed during a summary refresh: an import through the API past its
 * incremental limit commits its rows (marking the summaries stale in the same transaction), then
 * refreshes the summaries in one transaction; the API process is killed with SIGKILL while that
 * refresh runs, so it never commits. Then: readiness says the summaries are stale (not current);
 * the next start recomputes them, readiness says so until the recount commits, and once ready
 * the stored answers equal a live count, imported contracts included.
 *
 * "While the refresh runs" is made certain, not hoped for after a sleep: the test holds the write
 * locks of the stored cross-breach counts in a transaction of its own, so the refresh, once it
 * has counted and written the impact summaries (uncommitted), waits to rewrite them; the test sees it waiting (SHOW TRANSACTIONS: the `summaries/refresh`
 * transaction, blocked) and kills the API then. The same hold keeps the start-up recount
 * observable while readiness reports stale. The API runs as `node dist/main.js` against this
 * store over NEO4J_URI, as in production with a separate server.
 */
let store: FaultStore;
let executor: Executor;
let driver: Driver;
let main: string;
let api: ApiProcess | undefined;
let inProcess: Api;
const BREACH = 'breach-almerys-2024';
const ROWS = 1_000;
// New contracts of Alan's (reached by the Almerys breach), started before its cut-off: the breach's totals grow by ROWS.
const csv = [PORTFOLIO_COLUMNS.join(','), ...Array.from({ length: ROWS }, (_, i) => `KILLREFRESH-${i},${syntheticNir(`kill-refresh-${i}`)},HOLDER,Santé,,,2023-01-01,`)].join('\n') + '\n';
const TOTALS = `{ breachImpact(breachId: "${BREACH}") { referenceDate totals { people contracts } } }`;
const LIVE_FRESHNESS = (date: string) => `{ breachImpact(breachId: "${BREACH}", asOf: "${date}") { freshness { method current staleSince } } }`;
// What each answer read from the summaries says of them (#14 §3: never served stale as current).
const FRESHNESS = `{ breachImpact(breachId: "${BREACH}") { freshness { method current staleSince } } crossBreachImpact(breachIds: ["${BREACH}"]) { freshness { method current staleSince } } }`;
const PAGE_FRESHNESS = `{ affectedContracts(breachId: "${BREACH}", first: 1) { totalCount freshness { method current staleSince } } }`;
const live = (date: string) => `{ breachImpact(breachId: "${BREACH}", asOf: "${date}") { referenceDate totals { people contracts } } }`;

const env = {
  AUTH_JWT_SECRET: TEST_JWT_SECRET,
  PSEUDONYM_KEY: TEST_PSEUDONYM_KEY.toString('utf8'),
  // Exact counts for every role, and live counts without a budget: this test compares them.
  DISCLOSURE_MIN_CELL: '1',
  LIVE_COUNTS_PER_MINUTE: '100000',
  MAX_BODY_BYTES: '1000000',
};

/**
 * Takes the write locks of the stored cross-breach counts, which a full refresh rewrites after the
 * impact summaries, in a transaction left open (rolled back by the caller). Those nodes have no
 * constraint or index, so the API's start-up schema step never waits on the hold.
 */
async function holdSummaries(): Promise<{ session: Session; tx: Transaction; release(): Promise<void> }> {
  const session = driver.session();
  const tx = session.beginTransaction();
  await tx.run('MATCH (x:BreachSetSummary) SET x.faultTestHold = true');
  return {
    session,
    tx,
    async release() {
      await tx.rollback().catch(() => undefined);
      await session.close();
    },
  };
}

/** Resolves once the summary refresh is seen waiting for a lock (SHOW TRANSACTIONS). */
async function refreshBlocked(): Promise<void> {
  for (;;) {
    const session = driver.session();
    try {
      const res = await session.run("SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.query = 'summaries/refresh' RETURN status");
      if (res.records.some((r) => String(r.get('status')).startsWith('Blocked'))) return;
    } finally {
      await session.close();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function ready(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/health/ready`);
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  main = buildDist();
  store = await faultStore();
  executor = store.executor();
  await executor.waitUntilReachable();
  await applySchema(executor);
  await loadSeeds(executor, TEST_PSEUDONYM_KEY);
  driver = neo4j.driver(store.uri, neo4j.auth.basic(store.auth.user, store.auth.password), { disableLosslessIntegers: true });
  inProcess = await startApi(store, { disclosure: EXACT_COUNTS });
}, SERVER_START_MS);

afterAll(async () => {
  await api?.kill();
  await inProcess?.close();
  await driver?.close();
  await executor?.close();
  await store?.stop();
}, SERVER_START_MS);

test('killed during a refresh: summaries known stale, recomputed at the next start, then equal to a live count', async () => {
  const admin = await token({ role: 'ADMIN' });
  const analyst = await token({ role: 'ANALYST' });
  const alan = await token({ role: 'INSURER', org: 'org-alan' });
  api = await startApiProcess(main, store, env);
  expect((await ready(api.url)).status).toBe(200);
  const before = (await graphql(api.url, analyst, TOTALS)).data.breachImpact;
  const current = { method: 'MAINTAINED_SUMMARY', current: true, staleSince: null };
  expect((await graphql(api.url, analyst, FRESHNESS)).data).toEqual({ breachImpact: { freshness: current }, crossBreachImpact: { freshness: current } });

  // The import commits its rows, then its refresh runs into the held cross-breach counts and waits.
  let hold = await holdSummaries();
  const mutation = graphql(api.url, admin, 'mutation($csv: String!) { importPortfolio(insurerId: "org-alan", csv: $csv) { rowsLoaded } }', { csv }).catch((e: unknown) => e);
  await refreshBlocked();
  expect((await summaryLock(executor))?.portfolioStale).toBe(true);
  await api.kill();
  await hold.release();
  // The request died with the process: no answer, so nothing claimed the import finished.
  expect(String(await mutation)).toMatch(/fetch failed/);

  // The rows are in, the summaries are not: they are known stale, not reported current.
  const stored = await inProcess.run(TOTALS);
  const counted = await inProcess.run(live(stored.data.breachImpact.referenceDate));
  expect(stored.data.breachImpact).toEqual(before);
  expect(counted.data.breachImpact.totals.contracts).toBe(before.totals.contracts + ROWS);
  expect(await checkReadiness(executor)).toMatchObject({ ready: false, failed: 'summaries', reason: expect.stringMatching(/stale/) });
  // And every answer read from them says so, since when; a live count is current.
  const since = (await summaryLock(executor))?.staleSince as string;
  expect(Date.parse(since)).toBeGreaterThan(0);
  const stale = { method: 'MAINTAINED_SUMMARY', current: false, staleSince: since };
  expect((await inProcess.run(FRESHNESS)).data).toEqual({ breachImpact: { freshness: stale }, crossBreachImpact: { freshness: stale } });
  expect((await inProcess.run(LIVE_FRESHNESS(stored.data.breachImpact.referenceDate))).data.breachImpact.freshness).toEqual({ method: 'LIVE_COUNT', current: true, staleSince: null });

  // The next start recomputes them; held again, so that the stale window is observed, not raced.
  hold = await holdSummaries();
  api = await startApiProcess(main, store, env);
  try {
    await api.waitForLine(/impact summaries not current at start/);
    await refreshBlocked();
    const during = await ready(api.url);
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ failed: 'summaries', checks: { summaries: 'failed' } });
    expect(during.body.message).toMatch(/stale/);
    // Served meanwhile, labelled: the regulator's totals, and the insurer's page count.
    expect((await graphql(api.url, analyst, FRESHNESS)).data).toEqual({ breachImpact: { freshness: stale }, crossBreachImpact: { freshness: stale } });
    const page = await graphql(api.url, alan, PAGE_FRESHNESS);
    expect(page.errors).toBeUndefined();
    expect(page.data.affectedContracts.freshness).toEqual(stale);
  } finally {
    await hold.release();
  }
  await api.waitForLine(/impact summaries recomputed/);
  expect((await ready(api.url)).status).toBe(200);

  // Ready: the stored answer is the live count, with the imported contracts.
  const after = await graphql(api.url, analyst, TOTALS);
  const recount = await graphql(api.url, analyst, live(after.data.breachImpact.referenceDate));
  expect(after.errors).toBeUndefined();
  expect(after.data.breachImpact).toEqual(recount.data.breachImpact);
  expect(after.data.breachImpact.totals).toEqual(counted.data.breachImpact.totals);
  expect((await summaryLock(executor))?.portfolioStale).toBe(false);
  expect((await graphql(api.url, analyst, FRESHNESS)).data).toEqual({ breachImpact: { freshness: current }, crossBreachImpact: { freshness: current } });
  expect((await graphql(api.url, alan, PAGE_FRESHNESS)).data.affectedContracts.freshness).toEqual(current);
}, SERVER_START_MS);
