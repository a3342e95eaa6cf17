import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { trace } from '@opentelemetry/api';
import { containsValidNir, syntheticNir } from '../src/identity/nir';
import { cypher } from '../src/db/cypher-files';
import { statementsOfServerTiming } from '../src/api/server/server-timing';
import { portfolio } from './brute-force';
import { sharedNeo4j, SERVER_START_MS, TEST_JWT_SECRET, TEST_PSEUDONYM_KEY } from './harness';
import { token } from './tokens';

/**
 * Issue #14 §2, OpenTelemetry traces. The API runs as a child process (`node src/main.ts`, as
 * `npm start` runs it, over the shared test Neo4j): the instrumentations patch `http` and
 * `graphql` through Node's require, which jest's module registry bypasses. A tiny OTLP/HTTP
 * receiver on 127.0.0.1 collects what the exporter sends (OTLP JSON); SIGTERM's graceful stop
 * flushes it. Checked: an HTTP server span, the GraphQL operation's span and a span per Cypher
 * statement the operation ran, in one trace; no token, NIR or variable value anywhere; and
 * nothing loaded or started without an endpoint.
 */
const ROOT = path.resolve(__dirname, '..');
const TS_REQUIRE = path.join(__dirname, 'ts-require.js');

/** An OTLP/HTTP receiver: keeps each POST /v1/traces body as received. */
interface Receiver {
  url: string;
  bodies: string[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The environment of a child API: the test Neo4j and keys, none of the parent's OTEL_* variables. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('OTEL_')) env[k] = v;
  const neo4j = sharedNeo4j();
  return {
    ...env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.auth.user,
    NEO4J_PASSWORD: neo4j.auth.password,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY.toString('utf8'),
    SEED_ON_START: 'false',
    METRICS: 'off',
    SECRETS_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-tracing-')),
    ...extra,
  };
}

/** A child process's output and exit, collected. */
interface Child {
  process: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['-r', TS_REQUIRE, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, out: () => out, exited };
}

/** Resolves with the API's URL once main.ts prints its ready line; rejects if it exits first. */
async function ready(child: Child): Promise<string> {
  for (;;) {
    const m = /breach-impact ready: (http:\/\/\S+)\/graphql/.exec(child.out());
    if (m) return m[1]!;
    const exited = await Promise.race([child.exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 100))]);
    if (exited) throw new Error(`the API exited before it was ready:\n${child.out()}`);
  }
}

/** One span of an OTLP JSON export, flattened. */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; attributes: Record<string, unknown> }>;
  status?: { code?: number; message?: string };
}

/** An OTLP AnyValue as a plain value. */
function valueOf(v: Record<string, any>): unknown {
  if ('stringValue' in v) return v.stringValue;
  if ('intValue' in v) return Number(v.intValue);
  if ('doubleValue' in v) return v.doubleValue;
  if ('boolValue' in v) return v.boolValue;
  if ('arrayValue' in v) return (v.arrayValue.values ?? []).map(valueOf);
  return v;
}

const attributesOf = (list: Array<{ key: string; value: Record<string, any> }> | undefined) => Object.fromEntries((list ?? []).map((a) => [a.key, valueOf(a.value)]));

function spansOf(bodies: string[]): OtlpSpan[] {
  return bodies.flatMap((b) =>
    (JSON.parse(b).resourceSpans ?? []).flatMap((rs: any) =>
      (rs.scopeSpans ?? []).flatMap((ss: any) =>
        (ss.spans ?? []).map((s: any) => ({
          traceId: s.traceId,
          spanId: s.spanId,
          parentSpanId: s.parentSpanId || undefined,
          name: s.name,
          kind: s.kind,
          attributes: attributesOf(s.attributes),
          events: (s.events ?? []).map((e: any) => ({ name: e.name, attributes: attributesOf(e.attributes) })),
          status: s.status,
        })),
      ),
    ),
  );
}

/** OTLP's SpanKind: SPAN_KIND_SERVER and SPAN_KIND_CLIENT. */
const SERVER = 2;
const CLIENT = 3;

describe('with an OTLP endpoint', () => {
  let receiver: Receiver;
  let api: Child;
  let url: string;
  beforeAll(async () => {
    receiver = await startReceiver();
    api = run(['src/main.ts'], childEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: 'breach-impact-test' }));
    url = await ready(api);
  }, SERVER_START_MS);
  afterAll(async () => {
    if (api.process.exitCode === null && api.process.signalCode === null) {
      api.process.kill('SIGTERM');
      await api.exited;
    }
    await receiver.close();
  });

  test('a GraphQL request gives one trace: HTTP server span, GraphQL operation, a span per Cypher statement; no token, NIR or variable value in any span', async () => {
    const nir = syntheticNir('syn-person-00042');
    const bearer = await token({ role: 'INSURER', org: 'org-la-mutuelle-generale' });
    const query = 'query TracedMemberExposure($nir: String!) { memberExposure(nir: $nir) { contracts { role } breaches { breach { id } paths { basis } } } }';
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables: { nir } }),
    });
    const answer = (await res.json()) as any;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.memberExposure.breaches.length).toBeGreaterThan(0);
    const roundTrips = Number(res.headers.get('x-cypher-round-trips'));
    expect(roundTrips).toBeGreaterThan(0);
    const timed = statementsOfServerTiming(res.headers.get('server-timing'));

    // The graceful stop flushes the batched spans before the process ends.
    api.process.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    const spans = spansOf(receiver.bodies);
    if (process.env.TRACING_TEST_DUMP) fs.writeFileSync(process.env.TRACING_TEST_DUMP, JSON.stringify(spans, null, 1));

    const httpSpan = spans.find((s) => s.kind === SERVER && s.attributes['http.request.method'] === 'POST' && s.attributes['url.path'] === '/graphql');
    expect(httpSpan).toBeDefined();
    expect(httpSpan!.attributes['http.response.status_code']).toBe(200);
    const inTrace = spans.filter((s) => s.traceId === httpSpan!.traceId);
    const byId = new Map(inTrace.map((s) => [s.spanId, s]));
    const ancestors = (s: OtlpSpan): OtlpSpan[] => {
      const chain: OtlpSpan[] = [];
      for (let p = s.parentSpanId && byId.get(s.parentSpanId); p; p = p.parentSpanId && byId.get(p.parentSpanId)) chain.push(p);
      return chain;
    };

    const operation = inTrace.find((s) => s.name === 'query TracedMemberExposure');
    expect(operation).toBeDefined();
    expect(operation!.attributes).toMatchObject({ 'graphql.operation.name': 'TracedMemberExposure', 'graphql.operation.type': 'query' });
    expect(ancestors(operation!)).toContain(httpSpan);

    const statements = inTrace.filter((s) => s.name.startsWith('cypher '));
    // Every statement the request cost (the x-cypher-round-trips count), each a span of its own.
    expect(statements).toHaveLength(roundTrips);
    // Server-Timing names the same statements, each with a duration (no value of any parameter).
    expect(timed.map((t) => t.query).sort()).toEqual(statements.map((s) => s.name.slice('cypher '.length)).sort());
    for (const t of timed) expect(t.ms).toBeGreaterThanOrEqual(0);
    expect(res.headers.get('server-timing')).not.toContain(nir);
    for (const s of statements) {
      const name = s.name.slice('cypher '.length);
      expect(() => cypher(name)).not.toThrow();
      expect(s.kind).toBe(CLIENT);
      expect(s.attributes).toMatchObject({ 'db.system': 'neo4j', 'db.system.name': 'neo4j', 'db.query.summary': name, 'db.operation.name': name, 'db.namespace': 'neo4j' });
      expect(ancestors(s)).toContain(httpSpan);
      expect(Object.keys(s.attributes).some((k) => /^db\.query\.(text|parameter)/.test(k))).toBe(false);
    }
    // The resolver's statements run under the operation's span.
    expect(statements.filter((s) => ancestors(s).includes(operation!)).length).toBeGreaterThan(0);

    // Privacy. Not in any byte sent to the collector: the token, the NIR (as sent, or spaced),
    // nor any NIR of the seeded portfolio.
    const sent = receiver.bodies.join('\n');
    expect(sent).not.toContain(bearer);
    expect(sent).not.toContain(bearer.split('.')[2]);
    expect(sent).not.toContain(nir);
    expect(sent).not.toContain(`${nir.slice(0, 1)} ${nir.slice(1, 3)}`);
    const seeded = (portfolio.contracts ?? []).flatMap((c) => c.beneficiaries.map((b) => syntheticNir(b.key)));
    expect(seeded.length).toBeGreaterThan(0);
    for (const known of seeded) expect(sent.includes(known)).toBe(false);
    // Not in any span's attribute or event attribute (ids and times are not attributes).
    for (const s of spans) {
      for (const attributes of [s.attributes, ...s.events.map((e) => e.attributes)]) {
        for (const [key, value] of Object.entries(attributes)) {
          expect(key).not.toMatch(/^graphql\.variables\.|authorization|cookie/i);
          for (const text of [value].flat()) if (typeof text === 'string') expect(containsValidNir(text)).toBe(false);
        }
      }
    }
    // No variable values recorded; the document is recorded with literals replaced.
    expect(String(operation!.attributes['graphql.source'])).toContain('$nir');
  });
});

describe('without an OTLP endpoint', () => {
  test('the SDK is neither loaded nor started: early-tracing is undefined and no @opentelemetry SDK module is in the require cache (and with an endpoint, it starts before graphql is loaded)', async () => {
    // `graphql` counts too: loaded before the SDK starts, it could no longer be instrumented.
    const probe =
      "const t = require('./src/telemetry/early-tracing'); const loaded = (re) => Object.keys(require.cache).filter((k) => re.test(k)).length; " +
      "console.log(JSON.stringify({ on: t.earlyTracing !== undefined, sdk: loaded(/@opentelemetry[\\\\/](sdk-|exporter-|instrumentation)/), graphql: loaded(/node_modules[\\\\/]graphql[\\\\/]/) }))";
    const off = run(['-e', probe], childEnv({}));
    expect(await off.exited).toBe(0);
    expect(JSON.parse(off.out().trim().split('\n').pop()!)).toEqual({ on: false, sdk: 0, graphql: 0 });
    // The same probe with an endpoint: it does load and start them (so the check above can fail).
    const receiver = await startReceiver();
    try {
      const on = run(['-e', `${probe}; require('./src/telemetry/early-tracing').earlyTracing.shutdown()`], childEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces` }));
      expect(await on.exited).toBe(0);
      const loaded = JSON.parse(on.out().trim().split('\n').pop()!);
      expect(loaded.on).toBe(true);
      expect(loaded.sdk).toBeGreaterThan(0);
      expect(loaded.graphql).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  test('spans the db layer makes are no-ops when no SDK is started', () => {
    const span = trace.getTracer('breach-impact/db').startSpan('cypher probe/ping');
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  test('a malformed endpoint stops the start with CONFIG_INVALID naming it, before Neo4j is touched, without a stack trace', async () => {
    const child = run(['src/main.ts'], childEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318', NEO4J_URI: 'bolt://127.0.0.1:1' }));
    expect(await child.exited).toBe(1);
    expect(child.out()).toMatch(/breach-impact could not start \[CONFIG_INVALID\]: Configuration OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318" is invalid: expected an http:\/\/ or https:\/\/ address/);
    expect(child.out()).not.toMatch(/\n\s+at /);
  });
});
