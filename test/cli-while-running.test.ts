import { ChildProcess, spawn } from 'node:child_process';
import { buildDist } from './build-dist';
import { childEnv, runCli as runCliWith } from './cli-child';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mintToken } from '../src/auth/mint-token';
import { runFilePath } from '../src/db/run-file';
import { SERVER_START_MS, testAuthConfig } from './harness';

/**
 * Issue #14 §1: "`npm run seed` and `npm run import` fail with a store-lock error while the server
 * runs". The API server runs as `npm start` runs it (the built `dist/main.js`, embedded Neo4j on a
 * store of its own, development secrets in a folder of its own); while it runs, the seed CLI and
 * the import CLI are run as `npm run seed` / `npm run import` run them, on the same configuration
 * and without NEO4J_URI. They find the server's Neo4j through its run file, succeed, and the
 * server answers with what they wrote. The server starts empty (SEED_ON_START=false), so the
 * breach the test reads exists only because the seed CLI loaded it.
 */
const ROOT = path.resolve(__dirname, '..');
let work: string;
let env: NodeJS.ProcessEnv;
let server: ChildProcess | undefined;
let serverExited: Promise<number | null>;
let url: string;
let output = '';

beforeAll(async () => {
  // What `npm run seed`, `npm run import` and `npm start` run: the compiled entry points.
  buildDist();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-cli-'));
  env = childEnv({
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    NEO4J_DATA_DIR: path.join(work, 'store'),
    SECRETS_DIR: path.join(work, 'secrets'),
    NEO4J_BOLT_PORT: '0',
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '64m',
    PORT: '0',
    SEED_ON_START: 'false',
  });
  server = spawn(process.execPath, ['dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  serverExited = new Promise((resolve) => server!.once('exit', (code) => resolve(code)));
  url = await new Promise<string>((resolve, reject) => {
    const onData = (buf: Buffer) => {
      output += buf.toString('utf8');
      const m = /breach-impact ready: (http:\/\/\S+)\/graphql/.exec(output);
      if (m) resolve(m[1]);
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
    void serverExited.then((code) => reject(new Error(`the server exited (${code}) before it was ready:\n${output.slice(-3000)}`)));
  });
}, SERVER_START_MS);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    const killer = setTimeout(() => server!.kill('SIGKILL'), 120_000);
    await serverExited;
    clearTimeout(killer);
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, SERVER_START_MS);

/** Runs a compiled CLI to its end, as its npm script does, on this test's configuration. */
const runCli = (script: string, args: string[]) => runCliWith(script, args, env);

/** The contract numbers of org-mgp that the Almerys breach reaches, asked of the running server over HTTP. */
async function mgpContractsReached(): Promise<string[]> {
  const secrets = JSON.parse(fs.readFileSync(path.join(work, 'secrets', 'dev-secrets.json'), 'utf8')) as { jwtSecret: string };
  const bearer = await mintToken(testAuthConfig, new TextEncoder().encode(secrets.jwtSecret), { role: 'INSURER', org: 'org-mgp' });
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: '{ affectedContracts(breachId: "breach-almerys-2024") { edges { node { contract { number } } } } }' }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data.affectedContracts.edges.map((e: any) => e.node.contract.number).sort();
}

test('the server advertises its embedded Neo4j in the store’s run file', () => {
  const run = JSON.parse(fs.readFileSync(runFilePath(path.join(work, 'store')), 'utf8'));
  expect(run).toMatchObject({ uri: expect.stringMatching(/^bolt:\/\/127\.0\.0\.1:\d+$/), serverPid: server!.pid });
  expect(JSON.stringify(run)).not.toMatch(/password/i);
});

test('npm run seed, then npm run import, while the server runs: both succeed through its Neo4j, and the server answers with their rows', async () => {
  const seed = await runCli('seed-cli.js', []);
  expect(seed.out).not.toMatch(/lock/i);
  expect(seed.code).toBe(0);
  expect(seed.out).toContain('the store is in use by a running server: using its embedded Neo4j');
  expect(seed.out).toMatch(/loaded \S+ from \S+case-2024\.json/);
  // Progress as it goes (#14 §1): the start with the number of steps, and the last step.
  expect(seed.stdout).toMatch(/^loading the seeds: \d+ steps…$/m);
  expect(seed.stdout).toMatch(/^seeds: (\d+)\/\1 steps done, last impact summaries \(\d+ s\)$/m);
  expect(await mgpContractsReached()).toEqual([]);

  // A copy: the import writes its .rejects.csv beside the input, never into seeds/.
  const file = path.join(work, 'portfolio-sample.csv');
  fs.copyFileSync(path.join(ROOT, 'seeds', 'portfolio-sample.csv'), file);
  const imported = await runCli('import-cli.js', ['--insurer', 'org-mgp', file]);
  expect(imported.out).not.toMatch(/lock/i);
  expect(imported.code).toBe(0);
  // Logged at warn: the import CLI raises its level to warn, and README says every CLI says so.
  expect(imported.out).toContain('the store is in use by a running server: using its embedded Neo4j');
  expect(imported.out).toContain('imported 4 of 4 rows for org-mgp');
  // SYN-MGP-000003 starts after the breach's reference date: not reached (as in test/import.test.ts).
  expect(await mgpContractsReached()).toEqual(['SYN-MGP-000001', 'SYN-MGP-000002']);
  // The server's own Neo4j served both: it is still up, and never gave up the store.
  expect(server!.exitCode).toBeNull();
});

test('npm run audit:verify while the server runs: walks the trail its reads wrote and finds it intact', async () => {
  // The test above read contract rows twice through the server: audited reads, so the trail holds records.
  const verified = await runCli('verify-audit-cli.js', []);
  expect(verified.out).not.toMatch(/lock/i);
  expect(verified.code).toBe(0);
  expect(verified.out).toMatch(/audit trail intact: [1-9]\d* record\(s\) verified, sequences 1 to [1-9]/);
});

test('a second server on the same store is refused at once, naming the running one, and does not join it', async () => {
  const second = spawn(process.execPath, ['dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  second.stdout!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  second.stderr!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => second.once('close', (c) => resolve(c)));
  expect(code).toBe(1);
  expect(out).toContain(`breach-impact could not start [NEO4J_LAUNCHER_UNAVAILABLE]: The store in ${path.join(work, 'store')} is in use by a running server (pid ${server!.pid}`);
  expect(server!.exitCode).toBeNull();
});

test('a stopped server removes its run file (a CLI run afterwards starts Neo4j itself, as before)', async () => {
  server!.kill('SIGTERM');
  expect(await serverExited).toBe(0);
  expect(fs.existsSync(runFilePath(path.join(work, 'store')))).toBe(false);
});
