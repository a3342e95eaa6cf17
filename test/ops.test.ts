import { Writable } from 'node:stream';
import pino from 'pino';
import { App, startApp } from '../src/api/server/app';
import { createTokenVerifier } from '../src/auth/verify-token';
import { Config, loadConfig } from '../src/config/config';
import { cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { applySchema, droppedSchemaObjectNames, schemaObjectNames } from '../src/db/schema';
import { syntheticNir } from '../src/identity/nir';
import { PORTFOLIO_COLUMNS } from '../src/domain/import/portfolio-row';
import { refreshSummaries } from '../src/domain/summary-upkeep';
import { auditAppenderOf } from '../src/domain/audit/audit-appender';
import { SERVER_START_MS, sharedNeo4j, startPrivateNeo4j, TEST_JWT_SECRET, TEST_PSEUDONYM_KEY, testAuthConfig, testExecutor, testLogger } from './harness';
import { portfolio } from './brute-force';
import { token } from './tokens';

/** Operations: /health/live and /health/ready, /metrics, the per-request log line and its request id. */
const verifier = createTokenVerifier(testAuthConfig, { jwtSecret: new TextEncoder().encode(TEST_JWT_SECRET) });
const METRICS_TOKEN = 'metrics-token-0123456789abcdef-not-for-production';

/** A logger whose lines land in `lines` (parsed), at debug level. */
function capturingLogger() {
  const lines: Array<Record<string, any>> = [];
  const raw: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _enc, done) {
        raw.push(chunk.toString());
        for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    }),
  );
  return { logger, lines, raw };
}

async function start(executor: Executor, logger = testLogger, overrides: Partial<Config> = {}): Promise<App> {
  return startApp({ ...loadConfig({}), port: 0, ...overrides }, { executor, logger, pseudonymKey: TEST_PSEUDONYM_KEY }, verifier);
}

const post = (app: App, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('over the shared test database', () => {
  let app: App;
  let executor: Executor;
  const log = capturingLogger();
  beforeAll(async () => {
    executor = testExecutor();
    app = await start(executor, log.logger);
  });
  afterAll(async () => {
    await app.close();
    await executor.close();
  });

  /** The request log line of the answer `res` (found by its echoed request id). */
  const lineOf = (res: Response) => {
    const id = res.headers.get('x-request-id');
    const found = log.lines.filter((l) => l.msg === 'request' && l.reqId === id);
    expect(found).toHaveLength(1);
    return found[0];
  };

  test('/health/live answers 200 while the process serves; /health is kept as it was', async () => {
    const live = await fetch(`${app.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', neo4j: 'up' });
  });

  test('a request with a NIR argument and a bearer token logs one line with neither, and echoes a sane request id', async () => {
    // A real member of the insurer, so the request succeeds and runs its statements.
    const member = (portfolio.contracts ?? []).find((c) => c.insurer === 'org-la-mutuelle-generale')!.beneficiaries[0].key;
    const nir = syntheticNir(member);
    const bearer = await token({ role: 'INSURER', org: 'org-la-mutuelle-generale' });
    const res = await post(
      app,
      { query: 'query MemberLookup($nir: String!) { memberExposure(nir: $nir) { contracts { role } } }', variables: { nir }, operationName: 'MemberLookup' },
      { authorization: `Bearer ${bearer}`, 'x-request-id': 'client-req-42' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('client-req-42');
    const line = lineOf(res);
    expect(line).toMatchObject({ reqId: 'client-req-42', route: '/graphql', status: 200, operation: 'MemberLookup', role: 'INSURER', tenant: 'org-la-mutuelle-generale', outcome: 'ok', errorCode: null });
    expect(line.statements).toBeGreaterThan(0);
    expect(typeof line.durationMs).toBe('number');
    const all = log.raw.join('');
    expect(all).toContain('client-req-42');
    expect(all).not.toContain(nir);
    expect(all).not.toContain(bearer);
    // Nor any piece of the token (its signature alone would be a leak).
    expect(all).not.toContain(bearer.split('.')[2]);
  });

  test('an insane incoming request id is replaced by a generated one', async () => {
    const res = await post(app, { query: '{ breaches { id } }' }, { 'x-request-id': 'x'.repeat(65) });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lineOf(res).reqId).toBe(id);
  });

  test('a 401 is logged with UNAUTHENTICATED, no role and no token', async () => {
    const res = await post(app, { query: 'query Breaches { breaches { id } }', operationName: 'Breaches' }, { authorization: 'Bearer not.a.token' });
    expect(res.status).toBe(401);
    expect(lineOf(res)).toMatchObject({ status: 401, operation: 'Breaches', role: 'NONE', tenant: null, outcome: 'UNAUTHENTICATED', errorCode: 'UNAUTHENTICATED', statements: 0 });
    expect(log.raw.join('')).not.toContain('not.a.token');
  });

  test('a FORBIDDEN field is logged with its code', async () => {
    const bearer = await token({ role: 'ANALYST' });
    const res = await post(app, { query: 'query Audit { auditEvents(limit: 1) { id } }' }, { authorization: `Bearer ${bearer}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(lineOf(res)).toMatchObject({ operation: 'Audit', role: 'ANALYST', outcome: 'FORBIDDEN', errorCode: 'FORBIDDEN' });
  });

  test('an operation name that could carry a NIR is redacted in the log', async () => {
    const res = await post(app, { query: 'query N185057800604812 { breaches { id } }' });
    expect(lineOf(res).operation).toBe('(redacted)');
    expect(log.raw.join('')).not.toContain('185057800604812');
  });

  test('an operation name holding a NIR split by underscores is redacted in the log too', async () => {
    // The traces' filter caught spaced digits; the log's own /\d{6}/ let this through.
    const res = await post(app, { query: 'query N1_85_05_78_006_084_91 { breaches { id } }' });
    expect(res.status).toBe(200);
    expect(lineOf(res).operation).toBe('(redacted)');
    expect(log.raw.join('')).not.toContain('85_05_78');
  });

  test('/metrics: Prometheus text with requests by operation, role and outcome, latency, statements, Neo4j up and process metrics', async () => {
    await post(app, { query: 'query MetricsProbe { breaches { id } }' });
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/breach_impact_graphql_requests_total\{operation="MetricsProbe",role="ANONYMOUS",outcome="ok"\} 1/);
    expect(text).toMatch(/breach_impact_graphql_requests_total\{operation="Breaches",role="NONE",outcome="UNAUTHENTICATED"\} 1/);
    expect(text).toMatch(/breach_impact_graphql_request_duration_seconds_count\{operation="MetricsProbe"\} 1/);
    // The statements histogram's sum is the statements that operation ran: at least one.
    const sum = /breach_impact_graphql_cypher_statements_sum\{operation="MetricsProbe"\} (\d+)/.exec(text);
    expect(Number(sum?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/^breach_impact_neo4j_up 1$/m);
    expect(text).toMatch(/^breach_impact_process_cpu_user_seconds_total /m);
    expect(text).not.toContain('185057800604812');
  });
});

describe('metrics as configured', () => {
  let executor: Executor;
  beforeAll(() => {
    executor = testExecutor();
  });
  afterAll(async () => {
    await executor.close();
  });

  test('METRICS=off: no /metrics route (404 NOT_FOUND)', async () => {
    const app = await start(executor, testLogger, { metrics: { mode: 'off', token: undefined } });
    try {
      const res = await fetch(`${app.url}/metrics`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    } finally {
      await app.close();
    }
  });

  test('production defaults to off', () => {
    const key = 'k'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: key, PSEUDONYM_KEY: key }).metrics.mode).toBe('off');
  });

  test('METRICS=token: 401 UNAUTHENTICATED without the bearer or with a wrong one, 200 with it', async () => {
    const app = await start(executor, testLogger, { metrics: { mode: 'token', token: METRICS_TOKEN } });
    try {
      const none = await fetch(`${app.url}/metrics`);
      expect(none.status).toBe(401);
      expect(((await none.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const wrong = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('breach_impact_neo4j_up 1');
    } finally {
      await app.close();
    }
  });
});

test('/health/ready and /metrics when Neo4j cannot be reached: 503 naming the neo4j check, neo4j_up 0', async () => {
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  const executor = Executor.create({ uri: 'bolt://127.0.0.1:1', auth: { user: 'neo4j', password: 'x' }, queryTimeoutMs: 5_000, logger: testLogger });
  const app = await start(executor);
  try {
    const res = await fetch(`${app.url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', code: 'SERVICE_UNAVAILABLE', failed: 'neo4j', checks: { neo4j: 'failed', schema: 'skipped', seeds: 'skipped', summaries: 'skipped' } });
    expect(await (await fetch(`${app.url}/metrics`)).text()).toMatch(/^breach_impact_neo4j_up 0$/m);
    // Live stays 200: the process is up, restarting it would not bring Neo4j back.
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
  } finally {
    await app.close();
    await executor.close();
  }
});

test('the schema check looks for every constraint and index cypher/schema/ creates', () => {
  const names = schemaObjectNames();
  expect(names).toEqual(expect.arrayContaining(['organization_id_unique', 'impact_summary_breach_unique', 'seeded_dataset']));
  expect(new Set(names).size).toBe(names.length);
});

describe('readiness over a database of its own', () => {
  let neo4j: Awaited<ReturnType<typeof startPrivateNeo4j>>;
  let executor: Executor;
  let app: App;
  beforeAll(async () => {
    neo4j = await startPrivateNeo4j();
    executor = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 60_000, logger: testLogger });
    app = await start(executor);
  }, SERVER_START_MS);
  afterAll(async () => {
    await app?.close();
    await executor?.close();
    await neo4j?.stop();
  });

  test('a store an earlier version made loses the index it no longer uses: applySchema drops beneficiary_key (the same value as the indexed id) and keeps every object it creates', async () => {
    const probe = (name: string, text: string) => ({ name: `test/ops/${name}`, text });
    const indexNames = async () => (await executor.read<{ name: string }>(probe('index-names', 'SHOW INDEXES YIELD name RETURN name'))).map((r) => r.name);
    // As versions before 2026-12-06 left it.
    await executor.write(probe('old-index', 'CREATE RANGE INDEX beneficiary_key IF NOT EXISTS FOR (b:Beneficiary) ON (b.key)'));
    expect(await indexNames()).toContain('beneficiary_key');
    expect(droppedSchemaObjectNames()).toEqual(['beneficiary_key']);
    await applySchema(executor);
    const after = await indexNames();
    expect(after).not.toContain('beneficiary_key');
    expect(after).toEqual(expect.arrayContaining(schemaObjectNames()));
    expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
  });

  test('/metrics counts import rows and summary writes, and reads the audit chain length and the summaries’ state from the data', async () => {
    const scrape = async () => (await fetch(`${app.url}/metrics`)).text();
    // The data's gauges share one read per second of scrapes: wait that out between states.
    const nextScrape = async () => {
      await new Promise((r) => setTimeout(r, 1_100));
      return scrape();
    };
    const before = await scrape();
    expect(before).toMatch(/^breach_impact_summaries_stale 0$/m);
    expect(before).not.toMatch(/^breach_impact_import_rows_total/m);

    // Two rows loaded, one refused (a NIR whose key is wrong), through the API: a delta import.
    const nir = (i: number) => syntheticNir(`ops-metrics-${i}`);
    const bad = `${nir(3).slice(0, 13)}${String((Number(nir(3).slice(13)) % 97) + 1).padStart(2, '0')}`;
    const csv = [PORTFOLIO_COLUMNS.join(','), `OPS-M-1,${nir(1)},HOLDER,Santé,,,2023-01-01,`, `OPS-M-2,${nir(2)},HOLDER,Santé,,,2023-01-01,`, `OPS-M-3,${bad},HOLDER,Santé,,,2023-01-01,`].join('\n') + '\n';
    const admin = await token({ role: 'ADMIN' });
    const res = await post(app, { query: 'mutation($csv: String!) { importPortfolio(insurerId: "org-alan", csv: $csv) { rowsLoaded rowsRejected } }', variables: { csv } }, { authorization: `Bearer ${admin}` });
    expect(((await res.json()) as any).data.importPortfolio).toEqual({ rowsLoaded: 2, rowsRejected: 1 });

    const imported = await nextScrape();
    expect(imported).toMatch(/^breach_impact_import_rows_total\{outcome="loaded"\} 2$/m);
    expect(imported).toMatch(/^breach_impact_import_rows_total\{outcome="rejected"\} 1$/m);
    expect(imported).toMatch(/^breach_impact_summary_write_duration_seconds_count\{mode="delta",outcome="committed"\} 1$/m);
    // The chain's length is its head, which an audited read (an insurer's contract page) moves.
    const alan = await token({ role: 'INSURER', org: 'org-alan' });
    const page = await post(app, { query: '{ affectedContracts(breachId: "breach-almerys-2024", first: 1) { totalCount } }' }, { authorization: `Bearer ${alan}` });
    expect(((await page.json()) as any).errors).toBeUndefined();
    const [head] = await executor.read<{ sequence: number; events: number }>(cypher('audit/chain-head'));
    expect(head.sequence).toBeGreaterThan(0);
    const after = await nextScrape();
    expect(after).toMatch(new RegExp(`^breach_impact_audit_chain_length ${head.sequence}$`, 'm'));
    expect(after).toMatch(new RegExp(`^breach_impact_audit_events ${head.events}$`, 'm'));
    // This process's group commits: the page's record went in one, and each commit holds a record or more.
    const audit = auditAppenderOf(executor);
    expect(audit.commits).toBeGreaterThan(0);
    expect(after).toMatch(new RegExp(`^breach_impact_audit_commits_total ${audit.commits}$`, 'm'));
    expect(after).toMatch(new RegExp(`^breach_impact_audit_records_appended_total ${audit.records}$`, 'm'));
    expect(audit.records).toBeGreaterThanOrEqual(audit.commits);
    // The pool as the executor sees it: the scrape's own statement is the one session open.
    expect(after).toMatch(/^breach_impact_neo4j_pool_max_connections 50$/m);
    expect(after).toMatch(/^breach_impact_neo4j_sessions_open \d+$/m);
    expect(Number(/^breach_impact_neo4j_sessions_peak (\d+)$/m.exec(after)?.[1])).toBeGreaterThan(0);
    expect(after).toMatch(/^breach_impact_neo4j_connection_acquisition_timeouts_total 0$/m);

    // Stale while a portfolio write's refresh is pending; current again once it commits.
    await executor.write(cypher('admin/lock-summaries-stale'));
    expect(await nextScrape()).toMatch(/^breach_impact_summaries_stale 1$/m);
    await refreshSummaries(executor, { portfolio: true });
    const refreshed = await nextScrape();
    expect(refreshed).toMatch(/^breach_impact_summaries_stale 0$/m);
    expect(refreshed).toMatch(/^breach_impact_summary_write_duration_seconds_count\{mode="full",outcome="committed"\} 1$/m);
  });

  test('200 when the schema is applied, the seeds loaded and every summary current; 503 naming summaries once a breach lacks its summary', async () => {
    const ready = await fetch(`${app.url}/health/ready`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { neo4j: 'ok', schema: 'ok', seeds: 'ok', summaries: 'ok' } });
    expect(ready.status).toBe(200);

    await executor.write(cypher('admin/delete-impact-summary'), { breachId: 'breach-viamedis-2024' });
    const stale = await fetch(`${app.url}/health/ready`);
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({
      status: 'unavailable',
      code: 'SERVICE_UNAVAILABLE',
      failed: 'summaries',
      message: expect.stringMatching(/^1 breach\(es\) have no current impact summary/),
      checks: { neo4j: 'ok', schema: 'ok', seeds: 'ok', summaries: 'failed' },
    });
  });
});

test('the driver pool as the executor sees it: a statement in flight holds a session, and a statement that finds the pool exhausted is refused and counted', async () => {
  const { uri, auth } = sharedNeo4j();
  // One connection, so a second statement cannot get one while the first holds it.
  const executor = Executor.create({ uri, auth, queryTimeoutMs: 60_000, maxConnectionPoolSize: 1, logger: testLogger });
  try {
    let entered!: () => void;
    let release!: () => void;
    const inFlight = new Promise<void>((r) => (entered = r));
    const held = new Promise<void>((r) => (release = r));
    // A stream paused on its first row, with more rows than the driver fetches at once, keeps its
    // session and that session's connection.
    const streaming = executor.stream(cypher('test-probe/count-to'), { n: 5_000 }, async () => {
      entered();
      await held;
    });
    await inFlight;
    expect(executor.poolUse()).toEqual({ sessionsOpen: 1, sessionsPeak: 1, maxConnections: 1, acquisitionTimeouts: 0 });
    // The driver waits its acquisition timeout for the one connection, then gives up.
    await expect(executor.read(cypher('probe/ping'))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(executor.poolUse().acquisitionTimeouts).toBe(1);
    release();
    expect(await streaming).toBe(5_000);
    expect(executor.poolUse()).toEqual({ sessionsOpen: 0, sessionsPeak: 2, maxConnections: 1, acquisitionTimeouts: 1 });
  } finally {
    await executor.close();
  }
});
