import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { mintToken } from '../src/auth/mint-token';
import { loadConfig } from '../src/config/config';
import { cypher } from '../src/db/cypher-files';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { Executor, newRoundTripCounter } from '../src/db/executor';
import { requestDb } from '../src/db/request-db';
import { cursorKey, encodeCursor } from '../src/domain/contract/cursor';
import { summariesByBreachIds } from '../src/domain/impact/stored-summaries';
import { isErrorCode, statusOf } from '../src/errors/codes';
import { syntheticNir } from '../src/identity/nir';
import { BenchDatabase, freshDatabase, generatedDataset, importOurs } from './dataset';
import { OperationContext, OPERATIONS } from './operations';
import { rssKb } from './rss';
import { spawnServer } from './servers/spawn-server';
import { exampleOperations, MixEntry, MixPicker } from './soak-mix';
import { assertLoopbackUrl, parseSoakOptions, SoakOptions } from './soak-options';
import { OperationFigures, SoakResults, writeSoakReport } from './soak-report';
import { minuteRows, operationDrift, percentile, RequestRecord, RssSample, soakVerdict } from './soak-stats';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, 'bench', 'tmp');
// Fixed, non-secret keys, as in bench/bench.ts: the data is synthetic and thrown away.
const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef-not-for-production';
const PSEUDONYM_KEY = 'bench-pseudonym-key-0123456789abcdef-not-for-production';
const AUTH = { auth: { jwtSecret: JWT_SECRET, jwksUrl: undefined, algorithms: ['HS256'], issuer: 'breach-impact-local', audience: 'breach-impact', maxTokenLifetimeS: 86_400 } };
const BREACH = 'breach-viamedis-2024';
/** The API's default budget, set explicitly so the caps below stay under it. */
const LIVE_COUNTS_PER_MINUTE = 10;
/** Share of a caller's live-count budget the soak may use: sends are timed here, spends there. */
const LIVE_COUNT_SHARE = 8;
/** Documented writes other than the import (recordNotification) go as a trickle too. */
const WRITES_PER_MINUTE = 6;
/** The benchmark's operations run on the generated France, which the examples barely touch: they weigh more. */
const BENCH_WEIGHT = 3;
const REQUEST_TIMEOUT_MS = 120_000;
const RSS_EVERY_MS = 5_000;

/** One entry of the mix, ready to send. */
interface SoakRequest extends MixEntry {
  caller: string;
  headers: Record<string, string>;
  body: string;
}

function log(msg: string): void {
  console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `loadavg ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  }
}


/**
 * The loaded store: a fresh one, loaded by the transactional import as `npm run import -- --dir`
 * does; with --keep-store, kept under bench/tmp after the run and reused by the next one (the
 * launcher sets the new password on start; the pseudonym key is fixed).
 */
async function loadedStore(opts: SoakOptions): Promise<{ db: BenchDatabase; rows: number; reused: boolean; seconds: number; keep: () => Promise<void> }> {
  const key = Buffer.from(PSEUDONYM_KEY);
  const dataset = generatedDataset(WORK, opts.people, opts.seed);
  const name = `soak-${opts.people}-seed-${opts.seed}`;
  const dataDir = path.join(WORK, `neo4j-${name}`);
  const marker = path.join(WORK, `${name}.loaded`);
  const started = performance.now();
  let db: BenchDatabase;
  let reused = false;
  if (opts.keepStore && fs.existsSync(marker) && fs.existsSync(dataDir)) {
    log(`reusing the store ${path.relative(ROOT, dataDir)}`);
    const server = await startEmbeddedNeo4j({ boltPort: 0, dataDir, heap: opts.heap, pageCache: opts.pageCache, txTimeout: '30m', password: crypto.randomBytes(32).toString('base64url') });
    const executor = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 30 * 60_000, logger: pino({ level: 'error' }, pino.destination(2)) });
    await executor.waitUntilReachable();
    db = { neo4j: server, executor, dataDir, close: async () => (await executor.close(), await server.stop()) };
    reused = true;
  } else {
    fs.rmSync(marker, { force: true });
    log(`${opts.people} people: ${dataset.rows} rows; loading a fresh store (transactional import)…`);
    db = await freshDatabase(WORK, name, dataset, { heap: opts.heap, pageCache: opts.pageCache }, key);
    const imported = await importOurs(db.executor, key, dataset);
    log(`imported ${imported.rows} rows in ${imported.seconds.toFixed(1)} s, summaries in ${imported.refreshSeconds.toFixed(1)} s`);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    db,
    rows: dataset.rows,
    reused,
    seconds,
    // Stops the server without removing the store, and marks it complete for the next run.
    keep: async () => {
      await db.executor.close();
      await db.neo4j.stop();
      fs.writeFileSync(marker, JSON.stringify({ people: opts.people, seed: opts.seed }));
    },
  };
}

/** POSTs `body` on a kept-alive connection of `agent`; resolves with the status and parsed body, or rejects. */
function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers }, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any = null;
        try {
          json = JSON.parse(text);
        } catch {
          // A non-JSON answer (an HTML 502 of a proxy, say) is reported by its status.
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends one request and records it: HTTP status, GraphQL error code, or the transport failure. */
async function timed(agent: http.Agent, url: URL, t0: number, op: string, headers: Record<string, string>, body: string, rowsOf?: (data: any) => number): Promise<RequestRecord> {
  const start = performance.now();
  try {
    const { status, json } = await post(agent, url, headers, body);
    const end = performance.now();
    const base = { endMs: end - t0, op, ms: end - start, status };
    const first = json?.errors?.[0];
    const message = first?.message === undefined ? undefined : String(first.message).slice(0, 300);
    if (status !== 200) return { ...base, error: `HTTP ${status}`, message };
    if (first) {
      const code = String(first.extensions?.code ?? 'GRAPHQL_ERROR');
      const documented = isErrorCode(code) ? statusOf(code) : null;
      return { ...base, error: code, message, ...(documented !== null && documented >= 500 ? { serverFault: true as const } : {}) };
    }
    if (!json?.data) return { ...base, error: 'NO_DATA' };
    if (rowsOf) {
      const r = json.data.importPortfolio;
      if (r.rowsRejected > 0) return { ...base, error: 'IMPORT_REJECTED_ROWS', importRows: r.rowsLoaded };
      return { ...base, importRows: rowsOf(json.data) };
    }
    return base;
  } catch (e) {
    const end = performance.now();
    const code = (e as NodeJS.ErrnoException).code;
    return { endMs: end - t0, op, ms: end - start, status: 0, error: code ? `NETWORK ${code}` : 'NO ANSWER', message: (e as Error).message.slice(0, 300) };
  }
}

/** The first failure of each code, with the operation and its message: what explains a failed run. */
function errorSamples(records: readonly RequestRecord[]): SoakResults['errorSamples'] {
  const out: SoakResults['errorSamples'] = {};
  for (const r of records) if (r.error !== undefined && !(r.error in out)) out[r.error] = { op: r.op, ms: Math.round(r.ms), message: r.message ?? '' };
  return out;
}

const IMPORT_MUTATION = 'mutation SoakImport($insurerId: ID!, $csv: String!) { importPortfolio(insurerId: $insurerId, csv: $csv) { rowsLoaded rowsRejected } }';

/** A small CSV of new contracts, unique to this run and import (new people, so every import changes the summaries). */
function deltaCsv(stamp: string, k: number, rows: number): string {
  const lines = Array.from({ length: rows }, (_, i) => `SOAK-${stamp}-${k}-${i},${syntheticNir(`soak-${stamp}-${k}-${i}`)},HOLDER,,,,2020-01-01,`);
  return `contract_number,nir,role,product,operator,network,start_date,end_date\n${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const opts = parseSoakOptions(process.argv.slice(2), ROOT);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` (npm run soak does it)');
  fs.mkdirSync(WORK, { recursive: true });
  const args = process.argv.slice(2).join(' ');
  const command = args === '' ? 'npm run soak' : `npm run soak -- ${args}`;
  const uptimeBefore = uptime();
  log(`${command}: ${opts.minutes} min at ${opts.connections} connections on ${opts.people} people; ${uptimeBefore}`);

  const store = await loadedStore(opts);
  const { db } = store;
  let server: Awaited<ReturnType<typeof spawnServer>> | undefined;
  let deadlines: SoakResults['settings']['deadlines'];
  try {
    const summary = (await summariesByBreachIds(requestDb(db.executor, newRoundTripCounter()), [BREACH])).get(BREACH);
    if (!summary) throw new Error(`no maintained summary for ${BREACH}`);
    const top = [...summary.byInsurer].sort((a, b) => b.contracts - a.contracts || a.id.localeCompare(b.id))[0];
    const [deep] = await db.executor.read<{ contractId: string }>(cypher('bench/deep-contract'), { insurerId: top.id, fraction: 0.9 });

    // This run's log only (spawnServer appends).
    fs.rmSync(path.join(WORK, 'soak-api.log'), { force: true });
    const apiEnv = {
      NEO4J_URI: db.neo4j.uri,
      NEO4J_PASSWORD: db.neo4j.auth.password,
      HOST: opts.host,
      PORT: '0',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      AUTH_JWT_SECRET: JWT_SECRET,
      PSEUDONYM_KEY,
      NODE_ENV: 'production',
      LIVE_COUNTS_PER_MINUTE: String(LIVE_COUNTS_PER_MINUTE),
    };
    // The request deadlines the API runs with, as its own configuration reads this environment (for the report).
    const apiConfig = loadConfig(apiEnv);
    deadlines = { queryMs: apiConfig.neo4j.queryTimeoutMs, liveCountMs: apiConfig.liveCountTimeoutMs };
    server = await spawnServer(
      process.execPath,
      [path.join(ROOT, 'dist', 'main.js')],
      apiEnv,
      /breach-impact ready: (http:\/\/[^\s]+\/graphql)/,
      120_000,
      // The API's own log (warnings and errors: an INTERNAL's cause is only there), kept for after the run.
      path.join(WORK, 'soak-api.log'),
    );
    // Checked on the address the server really bound, before the first request.
    assertLoopbackUrl(server.url);
    const url = new URL(server.url);
    log(`API ${server.url} (pid ${server.process.pid}), Neo4j pid ${db.neo4j.process.pid}`);

    // A token per operation (its own subject): live-count budgets are per subject, so caps stay independent.
    const token = (role: 'INSURER' | 'REGULATOR' | 'ANALYST' | 'ADMIN', org: string | null, subject: string) =>
      mintToken(AUTH, Buffer.from(JWT_SECRET), { role, subject, expiresIn: '24h', ...(org ? { org } : {}) });
    const mix: SoakRequest[] = [];
    for (const op of exampleOperations(fs.readFileSync(path.join(ROOT, 'schema', 'examples.graphql'), 'utf8'))) {
      const headers: Record<string, string> = op.role === 'ANONYMOUS' ? {} : { authorization: `Bearer ${await token(op.role, op.org, `soak-${op.name}`)}` };
      const perMinute = op.liveCounts > 0 ? Math.max(1, Math.floor(LIVE_COUNT_SHARE / op.liveCounts)) : op.mutation ? WRITES_PER_MINUTE : undefined;
      mix.push({ name: op.name, caller: op.org ? `${op.role} ${op.org}` : op.role, weight: 1, perMinute, headers, body: JSON.stringify({ query: op.query, operationName: op.name }) });
    }
    const ctx: OperationContext = {
      urls: { ours: server.url, neo4jGraphql: '', raw: '' },
      tokens: { regulator: await token('REGULATOR', null, 'soak-bench-regulator'), insurer: await token('INSURER', top.id, 'soak-bench-insurer'), analyst: await token('ANALYST', null, 'soak-bench-analyst') },
      breachId: BREACH,
      insurerId: top.id,
      deepAfter: deep.contractId,
      deepCursor: encodeCursor(deep.contractId, cursorKey(PSEUDONYM_KEY)),
    };
    const callerOf: Record<string, string> = { summary: 'REGULATOR', paths: 'REGULATOR', lineage: 'ANALYST', 'contracts-first': `INSURER ${top.id}`, 'contracts-deep': `INSURER ${top.id}` };
    for (const op of OPERATIONS) {
      const req = op.request('ours', ctx);
      mix.push({ name: `bench:${op.id}`, caller: callerOf[op.id] ?? '?', weight: BENCH_WEIGHT, headers: req.headers, body: req.body });
    }
    const adminHeaders = { authorization: `Bearer ${await token('ADMIN', null, 'soak-admin-import')}` };

    const records: RequestRecord[] = [];
    const samples: RssSample[] = [];
    const apiPid = server.process.pid;
    const jvmPid = db.neo4j.process.pid;
    const rssBeforeLoad = { nodeMb: (rssKb(apiPid) ?? NaN) / 1024, jvmMb: (rssKb(jvmPid) ?? NaN) / 1024 };
    const picker = new MixPicker(mix);
    const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
    // A new connection per import: it goes every 10 s or so, past the API's 5 s keep-alive, and a
    // reused socket the server is closing fails with ECONNRESET (a fault of this client, not of the API).
    const importAgent = new http.Agent({ keepAlive: false, maxSockets: 1 });
    const durationMs = opts.minutes * 60_000;
    let stopped = false;
    const stop = () => {
      if (!stopped) log('stopping early (signal): the report covers what ran');
      stopped = true;
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const t0 = performance.now();
    const elapsed = () => performance.now() - t0;
    const running = () => !stopped && elapsed() < durationMs;
    const startedAt = new Date().toISOString();
    log(`load started: ${mix.length} operations in the mix, ${opts.importRows} rows imported every ${opts.importEverySeconds} s`);

    const sampler = setInterval(() => samples.push({ atMs: elapsed(), nodeKb: rssKb(apiPid), jvmKb: rssKb(jvmPid) }), RSS_EVERY_MS);
    let reported = 0;
    const progress = setInterval(() => {
      const m = Math.floor(elapsed() / 60_000);
      if (m > reported) {
        reported = m;
        const last = records.filter((r) => r.endMs >= (m - 1) * 60_000 && r.endMs < m * 60_000);
        log(`minute ${m}: ${last.length} requests, ${last.filter((r) => r.error).length} errors, p99 ${percentile(last.map((r) => r.ms).sort((a, b) => a - b), 99).toFixed(0)} ms, Node ${((rssKb(apiPid) ?? 0) / 1024).toFixed(0)} MB, JVM ${((rssKb(jvmPid) ?? 0) / 1024).toFixed(0)} MB`);
      }
    }, 1_000);
    const worker = async () => {
      while (running()) {
        const op = picker.pick(elapsed());
        const record = await timed(agent, url, t0, op.name, op.headers, op.body);
        picker.answered(op, elapsed());
        records.push(record);
        // No answer at all (the API down, say): counted, then a pause, so a dead server is not hammered in a tight loop.
        if (record.status === 0 && running()) await new Promise((r) => setTimeout(r, 1_000));
      }
    };
    const stamp = `${Date.now().toString(36)}`;
    const importer = async () => {
      for (let k = 0; running(); k += 1) {
        const next = (k + 1) * opts.importEverySeconds * 1000;
        const body = JSON.stringify({ query: IMPORT_MUTATION, variables: { insurerId: top.id, csv: deltaCsv(stamp, k, opts.importRows) } });
        records.push(await timed(importAgent, url, t0, 'import (ADMIN importPortfolio)', adminHeaders, body, (d) => d.importPortfolio.rowsLoaded));
        // Sleep to the next slot, waking early when the soak ends.
        while (running() && elapsed() < next) await new Promise((r) => setTimeout(r, Math.min(500, next - elapsed())));
      }
    };
    await Promise.all([...Array.from({ length: opts.connections }, worker), importer()]);
    clearInterval(sampler);
    clearInterval(progress);
    samples.push({ atMs: Math.min(elapsed(), durationMs - 1), nodeKb: rssKb(apiPid), jvmKb: rssKb(jvmPid) });
    agent.destroy();
    importAgent.destroy();
    const minutesRun = Math.max(1, Math.min(opts.minutes, Math.ceil(elapsed() / 60_000)));
    log(`load stopped after ${(elapsed() / 1000).toFixed(0)} s: ${records.length} requests`);

    const rows = minuteRows(records, samples, minutesRun);
    const names = [...mix.map((m) => m.name), 'import (ADMIN importPortfolio)'];
    const operations: OperationFigures[] = names.map((name) => {
      const mine = records.filter((r) => r.op === name);
      const times = mine.map((r) => r.ms).sort((a, b) => a - b);
      const entry = mix.find((m) => m.name === name);
      return {
        name,
        caller: entry?.caller ?? 'ADMIN',
        weight: entry?.weight ?? 0,
        perMinute: entry ? entry.perMinute : Math.round(60 / opts.importEverySeconds),
        requests: mine.length,
        errors: mine.filter((r) => r.error).length,
        p50: percentile(times, 50),
        p99: percentile(times, 99),
        drift: operationDrift(records, name, minutesRun, opts.warmupMinutes),
      };
    });
    const results: SoakResults = {
      command,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, uptimeBefore, uptimeAfter: uptime() },
      settings: { minutes: minutesRun, connections: opts.connections, people: opts.people, seed: opts.seed, warmupMinutes: opts.warmupMinutes, importEverySeconds: opts.importEverySeconds, importRows: opts.importRows, neo4j: { heap: opts.heap, pageCache: opts.pageCache }, liveCountsPerMinute: LIVE_COUNTS_PER_MINUTE, deadlines },
      dataset: { people: opts.people, rows: store.rows, insurer: top.id, affectedPeople: summary.people, storeReused: store.reused, setupSeconds: store.seconds },
      rssBeforeLoad: { nodeMb: Number.isNaN(rssBeforeLoad.nodeMb) ? null : rssBeforeLoad.nodeMb, jvmMb: Number.isNaN(rssBeforeLoad.jvmMb) ? null : rssBeforeLoad.jvmMb },
      minutes: rows,
      operations,
      errorSamples: errorSamples(records),
      checks: soakVerdict(rows, samples, opts.warmupMinutes),
    };
    writeSoakReport(opts.out, results);
    for (const c of results.checks) log(`${c.met ? 'met   ' : 'MISSED'} ${c.target}: ${c.measured}`);
    log(`wrote ${path.relative(process.cwd(), path.join(opts.out, 'soak.md'))} and soak.json; the API's log is in ${path.relative(process.cwd(), path.join(WORK, 'soak-api.log'))}`);
  } finally {
    await server?.stop();
    if (opts.keepStore) await store.keep();
    else await db.close();
  }
}

main().catch((e) => {
  console.error(`soak failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
