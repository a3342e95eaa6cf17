import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildDist } from './build-dist';

/**
 * Issue #14 §1, "fail fast with a plain message and no stack trace (ports checked before Neo4j
 * starts)", as `npm start` runs (the built `dist/main.js`, embedded Neo4j: NEO4J_URI unset). A
 * Bolt port already taken was a Java PortBindException after ~100 s; a HOST that does not
 * resolve was `[INTERNAL]: Error: getaddrinfo ENOTFOUND` and a stack frame. Each now stops the
 * start with one line naming the variable, before Neo4j is started (no store is even created).
 */
const ROOT = path.resolve(__dirname, '..');
let main: string;
let work: string;

beforeAll(() => {
  main = buildDist();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-refusal-'));
});
afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Runs `node dist/main.js` with the machine's basics and `extra` (no NEO4J_URI) to its end. */
function start(extra: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'JAVA_HOME', 'TMPDIR', 'MAVEN_OPTS']) if (process.env[name] !== undefined) env[name] = process.env[name];
  Object.assign(env, { NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: '0', SECRETS_DIR: path.join(work, 'secrets'), NEO4J_DATA_DIR: path.join(work, 'store'), ...extra });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.once('close', (code) => resolve({ code, out }));
  });
}

/** What every refusal shares: exit 1, the one line, no stack frame, no Neo4j started. */
function expectPlainRefusal(run: { code: number | null; out: string }, line: RegExp): void {
  expect(run.code).toBe(1);
  const refusals = run.out.split('\n').filter((l) => l.startsWith('breach-impact could not start'));
  expect(refusals).toHaveLength(1);
  expect(refusals[0]).toMatch(line);
  expect(run.out).not.toMatch(/^\s+at /m);
  expect(run.out).not.toMatch(/INTERNAL|Exception|NEO4J_READY|embedded Neo4j ready/);
  expect(fs.existsSync(path.join(work, 'store'))).toBe(false);
}

test('NEO4J_BOLT_PORT already taken: PORT_IN_USE naming it, before the embedded Neo4j starts', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen({ host: '127.0.0.1', port: 0 }, () => resolve()));
  const port = (holder.address() as net.AddressInfo).port;
  try {
    const run = await start({ NEO4J_BOLT_PORT: String(port) });
    expectPlainRefusal(run, new RegExp(`^breach-impact could not start \\[PORT_IN_USE\\]: port ${port} on 127\\.0\\.0\\.1 \\(NEO4J_BOLT_PORT, the embedded Neo4j’s Bolt port\\) is already in use by another process; stop it, or set NEO4J_BOLT_PORT to a free port`));
  } finally {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  }
});

// `.invalid` never resolves (RFC 6761 §6.4): no network is needed. PORT=0 too: the host is checked even then.
test('a HOST that does not resolve: CONFIG_INVALID naming HOST and its value, before Neo4j starts', async () => {
  const run = await start({ HOST: 'no-such-host.invalid', NEO4J_BOLT_PORT: '0' });
  expectPlainRefusal(run, /^breach-impact could not start \[CONFIG_INVALID\]: Configuration HOST="no-such-host\.invalid" is invalid: the name (does not resolve|could not be resolved now)/);
  expect(run.out).not.toMatch(/getaddrinfo/);
});
