import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mintToken } from '../src/auth/mint-token';
import { cypher } from '../src/db/cypher-files';
import { newRoundTripCounter } from '../src/db/executor';
import { summariesByBreachIds } from '../src/domain/impact/stored-summaries';
import { cursorKey, encodeCursor } from '../src/domain/contract/cursor';
import { requestDb } from '../src/db/request-db';
import { BenchDatabase, BulkMeasure, bulkOurs, DatabaseSizes, freshDatabase, generatedDataset, ImportMeasure, importFloor, importOurs } from './dataset';
import { AsOfCase, measureAsOf } from './asof';
import { concurrentDeltas, ConcurrentDeltaMeasure, deltaSeries } from './delta';
import { describeStatements } from './statement-time';
import { describeExport, ExportMeasure, measureExport } from './export';
import { load, LoadResult } from './load';
import { OperationContext, OPERATIONS, ServerName } from './operations';
import { writeReport, BenchResults, SizeResult } from './report';
import { spawnServer, RunningServer } from './servers/spawn-server';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, 'bench', 'tmp');
const SERVERS: ServerName[] = ['raw', 'ours', 'neo4jGraphql'];
// Fixed, non-secret keys: the benchmark's data is synthetic and thrown away.
const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef-not-for-production';
const PSEUDONYM_KEY = 'bench-pseudonym-key-0123456789abcdef-not-for-production';
const AUTH = { auth: { jwtSecret: JWT_SECRET, jwksUrl: undefined, algorithms: ['HS256'], issuer: 'breach-impact-local', audience: 'breach-impact', maxTokenLifetimeS: 86_400 } };
const BREACH = 'breach-viamedis-2024';

function log(msg: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

function options() {
  const { values } = parseArgs({
    options: {
      people: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      seed: { type: 'string' },
      heap: { type: 'string' },
      'page-cache': { type: 'string' },
      out: { type: 'string' },
      // Also measure the mailing export (issue #13): throughput and the server's RSS growth.
      export: { type: 'boolean' },
      // Only these operations (comma-separated ids of bench/operations.ts), e.g. contracts-first,contracts-deep.
      only: { type: 'string' },
      // Also measure the bulk first load (issue #12 §1) against the transactional import.
      bulk: { type: 'boolean' },
      // Above this many people, skip the transactional import and its floor (they take hours at
      // 33M): the bulk first load alone builds the store the servers read. Needs --bulk.
      'transactional-max': { type: 'string' },
      // Above this many people, skip the driver floor of the transactional import (about as long
      // as the import itself, and measured before): the import is then compared with nothing.
      'floor-max': { type: 'string' },
      // Requests per breachImpact(asOf) case (issue #12 §3), one at a time, after one warm-up.
      'asof-runs': { type: 'string' },
    },
  });
  const whole = (name: string, v: string | undefined, dflt: number, min: number) => {
    const n = Number(v ?? dflt);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}, got "${v}"`);
    return n;
  };
  const people = (values.people ?? '100000,1000000').split(',').map((p) => whole('people', p.trim(), 0, 1_000));
  const largest = Math.max(...people);
  const size = /^\d+[mg]$/i;
  const sizes: DatabaseSizes = { heap: values.heap ?? (largest > 3_000_000 ? '12g' : '4g'), pageCache: values['page-cache'] ?? (largest > 3_000_000 ? '8g' : '3g') };
  for (const [k, v] of Object.entries(sizes)) if (!size.test(v)) throw new Error(`--${k === 'heap' ? 'heap' : 'page-cache'} must look like 4g or 512m, got "${v}"`);
  const ids = OPERATIONS.map((o) => o.id);
  const only = values.only === undefined ? ids : values.only.split(',').map((o) => o.trim());
  const unknown = only.filter((o) => !ids.includes(o));
  if (unknown.length > 0 || only.length === 0) throw new Error(`--only takes operation ids among ${ids.join(', ')}; got "${values.only}"`);
  const transactionalMax = whole('transactional-max', values['transactional-max'], Number.MAX_SAFE_INTEGER, 1_000);
  if (!values.bulk && people.some((p) => p > transactionalMax)) throw new Error(`--transactional-max ${transactionalMax} leaves sizes above it without a first load: add --bulk`);
  return {
    people: [...new Set(people)].sort((a, b) => a - b),
    transactionalMax,
    floorMax: whole('floor-max', values['floor-max'], Number.MAX_SAFE_INTEGER, 1_000),
    asOfRuns: whole('asof-runs', values['asof-runs'], 3, 0),
    operations: OPERATIONS.filter((o) => only.includes(o.id)),
    connections: whole('connections', values.connections, 8, 1),
    duration: whole('duration', values.duration, 10, 1),
    warmup: whole('warmup', values.warmup, 3, 0),
    seed: whole('seed', values.seed, 42, 0),
    sizes,
    out: path.resolve(values.out ?? path.join(ROOT, 'bench')),
    export: values.export ?? false,
    bulk: values.bulk ?? false,
  };
}

/** Our compiled server, as in production, over the bench's store; `env` adds or overrides settings. */
function spawnOurs(uri: string, password: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return spawnServer(
    process.execPath,
    [path.join(ROOT, 'dist', 'main.js')],
    { NEO4J_URI: uri, NEO4J_PASSWORD: password, HOST: '127.0.0.1', PORT: '0', SEED_ON_START: 'false', LOG_LEVEL: 'warn', AUTH_JWT_SECRET: JWT_SECRET, PSEUDONYM_KEY, NODE_ENV: 'production', ROUND_TRIPS_HEADER: 'true', ...env },
    /breach-impact ready: (http:\/\/[^\s]+\/graphql)/,
  );
}

async function startServers(uri: string, password: string): Promise<Record<ServerName, RunningServer>> {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const ours = await spawnOurs(uri, password);
  // All three run as in production: graphql-js, for one, checks every instanceof in development.
  const ng = await spawnServer(tsx, [path.join(ROOT, 'bench', 'servers', 'neo4j-graphql-server.ts')], { NEO4J_URI: uri, NEO4J_PASSWORD: password, NODE_ENV: 'production' }, /READY (http:\/\/\S+)/);
  const raw = await spawnServer(tsx, [path.join(ROOT, 'bench', 'servers', 'raw-server.ts')], { NEO4J_URI: uri, NEO4J_PASSWORD: password, NODE_ENV: 'production' }, /READY (http:\/\/\S+)/);
  return { ours, neo4jGraphql: ng, raw };
}

/** Sends one request and returns its parsed body and the round trips the server reported. */
async function once(req: { url: string; headers: Record<string, string>; body: string }): Promise<{ body: unknown; roundTrips: number | null }> {
  const res = await fetch(req.url, { method: 'POST', headers: { 'content-type': 'application/json', ...req.headers }, body: req.body });
  const header = res.headers.get('x-cypher-round-trips');
  return { body: await res.json(), roundTrips: header === null ? null : Number(header) };
}

async function benchSize(people: number, opts: ReturnType<typeof options>): Promise<SizeResult> {
  const key = Buffer.from(PSEUDONYM_KEY);
  const t0 = performance.now();
  const dataset = generatedDataset(WORK, people, opts.seed);
  log(`${people} people: ${dataset.rows} rows in ${dataset.files.length} files (${((performance.now() - t0) / 1000).toFixed(1)} s to generate or reuse)`);

  const transactional = people <= opts.transactionalMax;
  let floor: ImportMeasure | undefined;
  if (transactional && people <= opts.floorMax) {
    // The floor and our import each get a fresh store, so neither finds the other's nodes.
    const floorDb = await freshDatabase(WORK, 'floor', dataset, opts.sizes, key);
    log('import floor (same UNWIND batches straight through the driver)…');
    floor = await importFloor(floorDb.neo4j, floorDb.executor, key, dataset);
    log(`import floor: ${floor.rows} rows in ${floor.seconds.toFixed(1)} s = ${floor.rowsPerSecond.toFixed(0)} rows/s`);
    await floorDb.close();
  }

  // The bulk first load runs before the transactional store is opened: two Neo4j of national
  // size at once would not fit in this machine's memory. Above --transactional-max its store is
  // the one the servers read.
  let bulk: BulkMeasure | undefined;
  let db: BenchDatabase | undefined;
  if (opts.bulk) {
    log('bulk first load (npm run import -- --bulk)…');
    const b = await bulkOurs(WORK, dataset, opts.sizes, key);
    bulk = b.measure;
    if (transactional) await b.db.close();
    else db = b.db;
    log(
      `bulk first load: ${bulk.rows} rows end to end in ${bulk.endToEndSeconds.toFixed(1)} s; ` +
        `staging ${bulk.stagingSeconds.toFixed(1)} s, importer ${bulk.importerSeconds.toFixed(1)} s, schema ${bulk.schemaSeconds.toFixed(1)} s, seeds and summaries ${bulk.seedAndSummariesSeconds.toFixed(1)} s`,
    );
  }

  let ours: (ImportMeasure & { refreshSeconds: number }) | undefined;
  let transactionalEndToEndSeconds: number | undefined;
  if (transactional) {
    const setupStarted = performance.now();
    db = await freshDatabase(WORK, 'ours', dataset, opts.sizes, key);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    log('import, ours (npm run import pipeline)…');
    ours = await importOurs(db.executor, key, dataset);
    transactionalEndToEndSeconds = setupSeconds + ours.seconds + ours.refreshSeconds;
    log(`import ours: ${ours.rows} rows in ${ours.seconds.toFixed(1)} s = ${ours.rowsPerSecond.toFixed(0)} rows/s; summary refresh ${ours.refreshSeconds.toFixed(1)} s; from a new store ${transactionalEndToEndSeconds.toFixed(1)} s`);
  }
  if (!db) throw new Error('no store to serve: neither the transactional import nor --bulk ran');

  const summary = (await summariesByBreachIds(requestDb(db.executor, newRoundTripCounter()), [BREACH])).get(BREACH);
  if (!summary) throw new Error(`no maintained summary for ${BREACH}`);
  const top = [...summary.byInsurer].sort((a, b) => b.contracts - a.contracts || a.id.localeCompare(b.id))[0];
  // Daily deltas of the largest insurer: 1,000 new people each, maintained by a delta, not a full
  // sweep; the first right after the load, then four more days.
  const delta = await deltaSeries(db.executor, key, top.id);
  log(
    `refresh after a ${delta.rows}-row delta: first ${delta.seconds.toFixed(2)} s (${delta.incremental ? 'delta' : 'full refresh'}, write included; slowest: ${describeStatements(delta.statements)}); ` +
      `next ${delta.next.length}: median ${delta.nextMedianSeconds.toFixed(2)} s (${delta.next.map((x) => x.toFixed(2)).join(', ')}; per delta: ${describeStatements(delta.nextStatements)})`,
  );
  // Two insurers' deltas at once: the largest and the second largest.
  const second = [...summary.byInsurer].sort((a, b) => b.contracts - a.contracts || a.id.localeCompare(b.id))[1];
  let pair: ConcurrentDeltaMeasure | undefined;
  if (second) {
    pair = await concurrentDeltas(db.executor, key, [top.id, second.id]);
    log(`two concurrent ${pair.each[0].rows}-row deltas (${top.id}, ${second.id}): ${pair.seconds.toFixed(2)} s for both (${pair.each.map((d) => `${d.seconds.toFixed(2)} s${d.incremental ? '' : ', refreshed whole'}; slowest: ${describeStatements(d.statements)}`).join('; ')})`);
  }
  const [deep] = await db.executor.read<{ contractId: string; contracts: number }>(cypher('bench/deep-contract'), { insurerId: top.id, fraction: 0.9 });
  log(`graph: ${summary.people} people on ${summary.contracts} contracts reached by ${BREACH}; insurer ${top.id} has ${top.contracts} of them (${deep.contracts} contracts in all)`);

  const servers = await startServers(db.neo4j.uri, db.neo4j.auth.password);
  const results: SizeResult['operations'] = [];
  const exported: ExportMeasure[] = [];
  let asOf: AsOfCase[] | undefined;
  try {
    const ctx: OperationContext = {
      urls: { ours: servers.ours.url, neo4jGraphql: servers.neo4jGraphql.url, raw: servers.raw.url },
      tokens: {
        regulator: await mintToken(AUTH, Buffer.from(JWT_SECRET), { role: 'REGULATOR', subject: 'bench-regulator' }),
        insurer: await mintToken(AUTH, Buffer.from(JWT_SECRET), { role: 'INSURER', org: top.id, subject: 'bench-insurer' }),
        analyst: await mintToken(AUTH, Buffer.from(JWT_SECRET), { role: 'ANALYST', subject: 'bench-analyst' }),
      },
      breachId: BREACH,
      insurerId: top.id,
      deepAfter: deep.contractId,
      deepCursor: encodeCursor(deep.contractId, cursorKey(PSEUDONYM_KEY)),
    };
    for (const op of opts.operations) {
      const row: SizeResult['operations'][number] = { id: op.id, title: op.title, servers: {} };
      // Servers take turns on each operation, so drift over the run hits all three alike.
      for (const server of SERVERS) {
        const req = op.request(server, ctx);
        const first = await once(req);
        const items = op.size(server, first.body);
        if (opts.warmup > 0) await load(req, opts.connections, opts.warmup);
        // Round trips are read from an unloaded request after the warm-up, when plans are cached.
        const probe = await once(req);
        op.size(server, probe.body);
        const measured: LoadResult = await load(req, opts.connections, opts.duration);
        row.servers[server] = { ...measured, roundTrips: probe.roundTrips, items };
        log(`${op.id.padEnd(16)} ${server.padEnd(12)} p50 ${measured.p50.toFixed(1)} ms, p95 ${measured.p95.toFixed(1)}, p99 ${measured.p99.toFixed(1)}, ${measured.requestsPerSecond.toFixed(1)} req/s, ${probe.roundTrips} round trips, ${items} items${measured.non2xx + measured.errors > 0 ? `, ${measured.non2xx + measured.errors} FAILED` : ''}`);
      }
      results.push(row);
    }
    if (opts.export) {
      // After the load, on the same server: the largest insurer's whole export, read as it streams;
      // then again, Neo4j now warm with its contracts, so the API formats as fast as it can (the
      // case where its memory grew most, up to +91 MB with batches of 1,000).
      for (let i = 0; i < 2; i++) {
        const e = await measureExport({ url: servers.ours.url.replace(/\/graphql$/, ''), token: ctx.tokens.insurer, pid: servers.ours.process.pid!, breachId: BREACH, insurer: top.id });
        exported.push(e);
        log(describeExport(e));
      }
    }
    if (opts.asOfRuns > 0) {
      // Last, on a server of its own: a live count of a national breach may exhaust the database.
      const probe = await spawnOurs(db.neo4j.uri, db.neo4j.auth.password, { LIVE_COUNTS_PER_MINUTE: '100000', NEO4J_QUERY_TIMEOUT_MS: '1800000' });
      try {
        asOf = await measureAsOf({ url: probe.url, tokens: ctx.tokens, breachId: BREACH, runs: opts.asOfRuns, log });
      } finally {
        await probe.stop();
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    await db.close();
  }
  return {
    people,
    dataset: { people: dataset.people, rows: dataset.rows, files: dataset.files.length, affectedPeople: summary.people, affectedContracts: summary.contracts, insurer: top.id, insurerContracts: top.contracts },
    import: { ...(ours ? { ours } : {}), ...(floor ? { floor } : {}), ...(bulk ? { bulk: { ...bulk, ...(transactionalEndToEndSeconds !== undefined ? { transactionalEndToEndSeconds } : {}) } } : {}) },
    delta,
    ...(pair ? { concurrentDeltas: pair } : {}),
    ...(asOf ? { asOf } : {}),
    operations: results,
    ...(exported.length > 0 ? { exports: exported } : {}),
  };
}

async function main(): Promise<void> {
  const opts = options();
  fs.mkdirSync(WORK, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` (npm run bench does it)');
  const args = process.argv.slice(2).join(' ');
  const command = args === '' ? 'npm run bench' : `npm run bench -- ${args}`;
  log(`${command}: sizes ${opts.people.join(', ')}; ${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.duration} s per server and operation; Neo4j heap ${opts.sizes.heap}, page cache ${opts.sizes.pageCache}`);
  const results: BenchResults = {
    command,
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    settings: { connections: opts.connections, durationSeconds: opts.duration, warmupSeconds: opts.warmup, seed: opts.seed, neo4j: { version: '5.26 (embedded, Community)', ...opts.sizes } },
    sizes: [],
  };
  for (const people of opts.people) {
    results.sizes.push(await benchSize(people, opts));
    // Written after every size, so a long run that fails late keeps what it measured.
    writeReport(opts.out, results);
  }
  results.finishedAt = new Date().toISOString();
  writeReport(opts.out, results);
  log(`wrote ${path.relative(process.cwd(), path.join(opts.out, 'results.md'))} and results.json`);
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
