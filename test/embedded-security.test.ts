import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4jDriver, { AuthToken } from 'neo4j-driver';
import { cypher } from '../src/db/cypher-files';
import { EmbeddedNeo4j, EmbeddedOptions, startEmbeddedNeo4j } from '../src/db/embedded';

/**
 * The embedded database's own boundary (issue #10 §1): Bolt needs the generated password, Cypher
 * cannot read files, the JVM inherits none of the API's secrets, and the store is private to its
 * owner. A Neo4j of its own, started with the API's secrets in this process's environment.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-dbsec-'));
// Not created beforehand: the launcher must create it, and with mode 0700.
const dataDir = path.join(root, 'store');
const password = crypto.randomBytes(32).toString('base64url');
const PARENT_SECRETS = {
  PSEUDONYM_KEY: `parent-pseudonym-key-${crypto.randomBytes(16).toString('hex')}`,
  AUTH_JWT_SECRET: `parent-jwt-secret-${crypto.randomBytes(16).toString('hex')}`,
};
let server: EmbeddedNeo4j | undefined;

function start(pw: string): Promise<EmbeddedNeo4j> {
  // A variable, not a literal, so this file also compiles against a launcher without `password`.
  const opts: EmbeddedOptions & { password: string } = { boltPort: 0, dataDir, heap: '512m', pageCache: '64m', password: pw };
  return startEmbeddedNeo4j(opts);
}

/** Runs one named statement as `auth` straight through the driver, so error codes stay visible. */
async function runAs(auth: AuthToken, name: string, params: Record<string, unknown> = {}): Promise<unknown[]> {
  const driver = neo4jDriver.driver(server!.uri, auth, { connectionTimeout: 10_000 });
  try {
    const session = driver.session();
    try {
      const res = await session.run(cypher(name).text, params);
      return res.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

const right = () => neo4jDriver.auth.basic('neo4j', password);

beforeAll(async () => {
  const saved = { ...process.env };
  Object.assign(process.env, PARENT_SECRETS);
  try {
    server = await start(password);
  } finally {
    for (const k of Object.keys(PARENT_SECRETS)) if (saved[k] === undefined) delete process.env[k];
    Object.assign(process.env, saved);
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

test('regression #10.1a: Bolt refuses a wrong password, and no or made-up credentials cannot read nodes', async () => {
  // The right password works, so the refusals below are about credentials, not a dead server.
  await expect(runAs(right(), 'probe/count-nodes')).resolves.toHaveLength(1);
  // Two failures for user neo4j, not three: the third locks the account for a few seconds
  // (dbms.security.auth_max_failed_attempts), which the next test would run into.
  for (const auth of [
    neo4jDriver.auth.basic('neo4j', ''),
    neo4jDriver.auth.basic('neo4j', 'neo4j'),
    neo4jDriver.auth.basic('anyone', 'anything'),
  ]) {
    await expect(runAs(auth, 'probe/count-nodes')).rejects.toMatchObject({ code: expect.stringMatching(/Security\.(Unauthorized|AuthenticationRateLimit)/) });
  }
});

test('regression #10.1b: LOAD CSV cannot read files, even with the right password', async () => {
  const canary = path.join(root, 'dev-secrets.csv');
  fs.writeFileSync(canary, 'pseudonymKey,canary-value\n');
  for (const url of [`file://${canary}`, 'file:///proc/self/environ', 'file:///etc/hostname']) {
    await expect(runAs(right(), 'probe/load-csv-from-url', { url })).rejects.toMatchObject({ message: expect.stringMatching(/allow_csv_import_from_file_urls|file URL|not allowed/i) });
  }
});

test('regression #10.1c: the JVM inherits none of the API’s secrets (and not the database password)', () => {
  const pid = server!.process.pid!;
  const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter((e) => e !== '');
  const names = environ.map((e) => e.slice(0, e.indexOf('=')));
  expect(names).not.toContain('PSEUDONYM_KEY');
  expect(names).not.toContain('AUTH_JWT_SECRET');
  const whole = environ.join('\n');
  for (const value of [...Object.values(PARENT_SECRETS), password]) expect(whole).not.toContain(value);
  // Only the documented allowlist reaches the launcher.
  for (const name of names) expect(['PATH', 'JAVA_HOME', 'HOME', 'LANG'].includes(name) || name.startsWith('NEO4J_')).toBe(true);
  // The password is handed over on stdin, never on the command line (readable by every user).
  expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(password);
});

test('regression #10.1d: the store directory is created private to its owner (0700)', () => {
  expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
});

test('a store whose password the launcher does not know (an older, unauthenticated store) gets the configured one', async () => {
  await server!.stop();
  const next = crypto.randomBytes(32).toString('base64url');
  server = await start(next);
  await expect(runAs(neo4jDriver.auth.basic('neo4j', next), 'probe/count-nodes')).resolves.toHaveLength(1);
  await expect(runAs(right(), 'probe/count-nodes')).rejects.toMatchObject({ code: expect.stringMatching(/Security\.(Unauthorized|AuthenticationRateLimit)/) });
}, 300_000);
