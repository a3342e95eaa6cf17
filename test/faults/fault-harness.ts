import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/config/paths';
import type { NamedQuery } from '../../src/db/cypher-files';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/db/embedded';
import { Executor } from '../../src/db/executor';
import { freePort } from '../free-port';
import { testLogger, testPassword } from '../harness';

/**
 * What the fault tests (issue #14 §3) share: a Neo4j store of the test's own that can be killed
 * and restarted on the same files, the graph fingerprint, and the API run as a child process
 * (the built `dist/main.js`, what `npm start` runs) so that it can be killed with SIGKILL.
 */

/** A test Cypher text (house rule: product statements live in cypher/; these only probe the store). */
export const probe = (name: string, text: string): NamedQuery => ({ name: `test/faults/${name}`, text });

export { freePort };

/** A Neo4j on a store of its own, that a test may kill and start again on the same files and port. */
export interface FaultStore {
  readonly dataDir: string;
  readonly uri: string;
  readonly auth: { user: string; password: string };
  /** The running server (undefined while it is down). */
  server: EmbeddedNeo4j | undefined;
  /** Starts the server (again) on the same store, port and password. */
  start(): Promise<void>;
  /** SIGKILL, as a crash or an OOM kill would; resolves once the JVM has exited. */
  kill(): Promise<void>;
  /** An executor on it (the caller closes it). */
  executor(queryTimeoutMs?: number): Executor;
  /** Stops the server and deletes the store (unless `keepDir`). */
  stop(keepDir?: boolean): Promise<void>;
}

/** Creates (and starts) a store under `dataDir` (default: a fresh temporary folder). */
export async function faultStore(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-fault-'))): Promise<FaultStore> {
  const port = await freePort();
  const password = testPassword();
  const store: FaultStore = {
    dataDir,
    uri: `bolt://127.0.0.1:${port}`,
    auth: { user: 'neo4j', password },
    server: undefined,
    async start() {
      store.server = await startEmbeddedNeo4j({ boltPort: port, dataDir, heap: '512m', pageCache: '64m', password });
    },
    async kill() {
      const server = store.server;
      store.server = undefined;
      await server?.kill();
    },
    executor(queryTimeoutMs = 60_000) {
      return Executor.create({ uri: store.uri, auth: store.auth, queryTimeoutMs, logger: testLogger });
    },
    async stop(keepDir = false) {
      await store.server?.stop();
      store.server = undefined;
      if (!keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await store.start();
  return store;
}

export { fingerprint, type Fingerprint } from '../graph-fingerprint';

/** Counts nodes of one label (fault probes: how much of an import is in). */
export async function countLabel(executor: Executor, label: 'Contract' | 'Person' | 'ImpactSummary'): Promise<number> {
  const [row] = await executor.read<{ n: number }>(probe('count-label', `MATCH (n:${label}) RETURN count(n) AS n`));
  return row.n;
}

/** The summary lock's flags (cypher/admin/lock-summaries*). */
export async function summaryLock(executor: Executor): Promise<{ portfolioStale: boolean | null; staleSince: string | null } | undefined> {
  const [row] = await executor.read<{ portfolioStale: boolean | null; staleSince: string | null }>(probe('summary-lock', "MATCH (l:SummaryLock {id: 'summaries'}) RETURN l.portfolioStale AS portfolioStale, toString(l.staleSince) AS staleSince"));
  return row;
}

export { buildDist } from '../build-dist';

/** The API as a child process (`node dist/main.js`), with its output kept line by line. */
export interface ApiProcess {
  readonly process: ChildProcess;
  /** http://127.0.0.1:<port>, once it said it was ready. */
  url: string;
  /** Every line it printed so far (stdout and stderr). */
  readonly lines: string[];
  /** Resolves with the first line (already printed or to come) that matches. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** SIGKILL; resolves once it has exited. */
  kill(): Promise<void>;
  /** Resolves with its exit code (null when a signal ended it) once it has exited. */
  readonly exited: Promise<number | null>;
}

/**
 * Starts `node dist/main.js` against `store` (NEO4J_URI: the API does not own the store, so
 * killing it leaves Neo4j up, as with a separate server) with `env` added, and resolves once it
 * prints its ready line. Secrets go in its environment as an operator would set them. With
 * `'embedded'`, NEO4J_URI is unset: the API starts (and stops) its own Neo4j on NEO4J_DATA_DIR,
 * which `env` must name, on any free Bolt port.
 */
export async function startApiProcess(main: string, store: FaultStore | 'embedded', env: Record<string, string>): Promise<ApiProcess> {
  const neo4j: Record<string, string | undefined> =
    store === 'embedded'
      ? { JAVA_HOME: process.env.JAVA_HOME, NEO4J_BOLT_PORT: '0', NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' }
      : { NEO4J_URI: store.uri, NEO4J_USER: store.auth.user, NEO4J_PASSWORD: store.auth.password };
  const child = spawn(process.execPath, [main], {
    cwd: fromRoot(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      ...neo4j,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'info',
      SECRETS_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-fault-secrets-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  let partial = '';
  const onData = (buf: Buffer) => {
    const parts = (partial + buf.toString('utf8')).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      if (process.env.FAULT_TEST_ECHO) console.log(`api> ${line}`);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const api: ApiProcess = {
    process: child,
    url: '',
    lines,
    exited,
    waitForLine(pattern) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then(() => reject(new Error(`the API exited before printing ${pattern}; its last lines:\n${lines.slice(-20).join('\n')}`)));
      });
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  const ready = await api.waitForLine(/^breach-impact ready: (http:\/\/\S+)\/graphql/);
  api.url = /^breach-impact ready: (http:\/\/\S+)\/graphql/.exec(ready)![1];
  return api;
}

/** Sends one GraphQL operation over HTTP with a bearer token; the parsed JSON body. */
export async function graphql(url: string, bearer: string, query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<{ data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query, variables }), signal });
  return (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}
