import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { mintToken } from '../src/auth/mint-token';
import { startEmbeddedNeo4j, EmbeddedNeo4j } from '../src/db/embedded';
import { Executor } from '../src/db/executor';
import { freePort } from '../test/free-port';
import { describeRestart, measureRestart, RestartMeasure, RESTART_CLIENTS, RESTART_DEADLINE_MS, RESTART_OPERATIONS } from './restart-measure';
import { median } from './percentile';
import { spawnServer } from './servers/spawn-server';

/**
 * `npm run bench:restart -- [--runs N] [--out DIR]`: issue #14 §3's "service back within 5 s of
 * Neo4j's return", measured as a benchmark (on a quiet machine; the fault test runs the same
 * measurement once in CI, where the machine may be busy, and asserts no time). One store of the
 * seeds, one API process (`dist/main.js`, production mode, as `npm start` runs it against a
 * Neo4j of its own), and N restarts of Neo4j under the fault test's load, each a SIGKILL and a
 * start of a fresh JVM on the same store and port (so each pays a cold JVM and planner). Writes
 * DIR/restart.md and DIR/restart.json (default: bench/).
 */

const ROOT = path.resolve(__dirname, '..');
// Fixed, non-secret keys, as in bench/bench.ts: the data is the seeds and is thrown away.
const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef-not-for-production';
const PSEUDONYM_KEY = 'bench-pseudonym-key-0123456789abcdef-not-for-production';
const PASSWORD = 'bench-restart-password-0123456789';
const AUTH = { auth: { jwtSecret: JWT_SECRET, jwksUrl: undefined, algorithms: ['HS256'], issuer: 'breach-impact-local', audience: 'breach-impact', maxTokenLifetimeS: 86_400 } };
/** Issue #14's target for the service's return, from Neo4j's ready line. */
const TARGET_S = 5;

function log(msg: string): void {
  console.log(`[restart ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

/** One restart as reported: the figures, without the outcomes. */
type RunFigures = Omit<RestartMeasure, 'outcomes' | 'duringOutage'> & { requests: number; duringOutage: number; loadBefore: string };

/** The report: every run's figures, the median and worst, and the verdict against 5 s. */
export function restartMarkdown(r: { command: string; startedAt: string; finishedAt: string; machine: string; runs: RunFigures[] }): string {
  const back = r.runs.map((x) => x.serviceBackS);
  const worst = Math.max(...back);
  const lines = [
    '# Neo4j restarted under load: when is the service back? (issue #14 §3)',
    '',
    `Produced by \`${r.command}\`, started ${r.startedAt}, finished ${r.finishedAt}, on ${r.machine}.`,
    '',
    `Each run: ${RESTART_CLIENTS} clients send an ANALYST's operations (the catalogue, a stored impact, an organisation) to one API process (\`dist/main.js\`, production mode), 100 ms apart; Neo4j (embedded, the seeds' store) is killed with SIGKILL and started again on the same store and port, a fresh JVM each time. Times are from Neo4j's ready line. "Service back" is the first data for a request sent after that line; "first data" may be a request already waiting, whose statements were retried. The request deadline is ${RESTART_DEADLINE_MS / 1000} s.`,
    '',
    '| run | load average before | outage | first data | service back | ping answered | slowest request | answered after the deadline | requests (during the outage) | results |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.runs.map((x, i) => `| ${i + 1} | ${x.loadBefore} | ${x.outageS.toFixed(1)} s | ${x.firstDataS.toFixed(1)} s | ${x.serviceBackS.toFixed(1)} s | ${x.driverBackS.toFixed(1)} s | ${x.slowestS.toFixed(1)} s | ${x.late} | ${x.requests} (${x.duringOutage}) | ${x.codes.join(', ')} |`),
    '',
    `Service back: median ${median(back).toFixed(1)} s, worst ${worst.toFixed(1)} s over ${back.length} runs. Target (#14): within ${TARGET_S} s of Neo4j's return, ${worst <= TARGET_S ? 'met in every run' : `**missed** in ${back.filter((b) => b > TARGET_S).length} of ${back.length} runs`}.`,
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, out: { type: 'string' } } });
  const runs = Number(values.runs ?? '5');
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error(`--runs takes a whole number from 1 to 50, not "${values.runs}"`);
  const out = path.resolve(values.out ?? path.join(ROOT, 'bench'));
  const command = `npm run bench:restart -- --runs ${runs}${values.out ? ` --out ${values.out}` : ''}`;
  const startedAt = new Date().toISOString();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-restart-'));
  const port = await freePort();
  let neo4j: EmbeddedNeo4j | undefined;
  const start = async () => {
    neo4j = await startEmbeddedNeo4j({ boltPort: port, dataDir, heap: '512m', pageCache: '64m', password: PASSWORD });
  };
  const kill = async () => {
    const server = neo4j;
    neo4j = undefined;
    await server?.kill();
  };
  const uri = `bolt://127.0.0.1:${port}`;
  const ping = Executor.create({ uri, auth: { user: 'neo4j', password: PASSWORD }, queryTimeoutMs: RESTART_DEADLINE_MS, logger: pino({ level: 'silent' }) });
  let api: Awaited<ReturnType<typeof spawnServer>> | undefined;
  const figures: RunFigures[] = [];
  try {
    log(`Neo4j on ${uri}, store ${dataDir}`);
    await start();
    // The API applies the schema and loads the seeds itself, as `npm start` does.
    api = await spawnServer(
      process.execPath,
      [path.join(ROOT, 'dist', 'main.js')],
      { NEO4J_URI: uri, NEO4J_PASSWORD: PASSWORD, HOST: '127.0.0.1', PORT: '0', SEED_ON_START: 'true', LOG_LEVEL: 'warn', AUTH_JWT_SECRET: JWT_SECRET, PSEUDONYM_KEY, NODE_ENV: 'production', NEO4J_QUERY_TIMEOUT_MS: String(RESTART_DEADLINE_MS) },
      /breach-impact ready: (http:\/\/[^\s]+\/graphql)/,
      600_000,
    );
    const bearer = await mintToken(AUTH, Buffer.from(JWT_SECRET), { role: 'ANALYST', subject: 'bench-restart' });
    for (let i = 1; i <= runs; i++) {
      const loadBefore = loadAverage();
      const m = await measureRestart({ url: api.url.replace(/\/graphql$/, ''), bearer, clients: RESTART_CLIENTS, operations: RESTART_OPERATIONS, kill, start, reachable: () => ping.isReachable(), deadlineMs: RESTART_DEADLINE_MS, hungMs: RESTART_DEADLINE_MS + 120_000 });
      log(`run ${i}/${runs} (load ${loadBefore}): ${describeRestart(m, RESTART_DEADLINE_MS)}`);
      const { outcomes, duringOutage, ...rest } = m;
      figures.push({ ...rest, requests: outcomes.length, duringOutage: duringOutage.length, loadBefore });
    }
  } finally {
    await api?.stop();
    await ping.close();
    await neo4j?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  let machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  try {
    machine += `, ${execFileSync('uptime', { encoding: 'utf8' }).trim().replace(/^.*load average/, 'load average at the end')}`;
  } catch {
    // no uptime here: the load averages of each run are in the table anyway
  }
  const report = { command, startedAt, finishedAt: new Date().toISOString(), machine, runs: figures };
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'restart.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'restart.md'), restartMarkdown(report));
  log(`wrote ${path.join(out, 'restart.md')}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
