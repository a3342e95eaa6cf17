import fs from 'node:fs';
import { freePort } from './free-port';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/db/embedded';
import { Executor } from '../src/db/executor';
import { applySchema } from '../src/db/schema';
import { loadSeeds } from '../src/domain/seed/load-seeds';
import { App, startApp } from '../src/api/server/app';
import { createTokenVerifier } from '../src/auth/verify-token';
import { TEST_JWT_SECRET, TEST_PSEUDONYM_KEY, testAuthConfig, testLogger, testPassword, testServices, SERVER_START_MS } from './harness';

/**
 * Neo4j going away while the API runs: operations fail with SERVICE_UNAVAILABLE and a plain
 * message, /health says so, and the API recovers by itself when Neo4j returns. Uses a Neo4j of
 * its own (the shared one must stay up), reached through NEO4J_URI like an external server.
 */
let neo4j: EmbeddedNeo4j | undefined;
let app: App;
let executor: Executor;
let port: number;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-outage-'));
// One password for both starts: the restart finds the store already has it.
const password = testPassword();


const start = () => startEmbeddedNeo4j({ boltPort: port, dataDir, heap: '512m', pageCache: '64m', password });
const query = async () => {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ breaches { id } }' }) });
  return (await res.json()) as any;
};

beforeAll(async () => {
  port = await freePort();
  neo4j = await start();
  const config = loadConfig({ NEO4J_URI: neo4j.uri, PORT: '0' });
  executor = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 10_000, logger: testLogger });
  await executor.waitUntilReachable();
  await applySchema(executor);
  await loadSeeds(executor, TEST_PSEUDONYM_KEY);
  app = await startApp(config, testServices(executor), createTokenVerifier(testAuthConfig, { jwtSecret: new TextEncoder().encode(TEST_JWT_SECRET) }));
}, SERVER_START_MS);

afterAll(async () => {
  await app?.close();
  await executor?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('SERVICE_UNAVAILABLE while Neo4j is down, and recovery without a restart', async () => {
  expect((await query()).data.breaches).toHaveLength(2);

  // Kill it hard, as a crash or a network cut would.
  await neo4j!.kill();
  neo4j = undefined;

  const down = await query();
  expect(down.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
  expect(down.errors[0].message).toMatch(/unreachable|try again/i);
  expect(JSON.stringify(down)).not.toMatch(/ECONNREFUSED|Neo4jError|stack/);
  const health = await fetch(`${app.url}/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ neo4j: 'down', code: 'SERVICE_UNAVAILABLE' });

  neo4j = await start();
  let answer: any;
  for (let i = 0; i < 30; i++) {
    answer = await query();
    if (answer.data) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  expect(answer.data.breaches).toHaveLength(2);
  expect((await fetch(`${app.url}/health`)).status).toBe(200);
}, SERVER_START_MS);
