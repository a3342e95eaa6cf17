import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { Executor } from '../src/db/executor';
import { applySchema } from '../src/db/schema';
import { loadSeeds } from '../src/domain/seed/load-seeds';
import { buildDist } from './build-dist';
import { TEST_PSEUDONYM_KEY } from './harness';

/**
 * Starts the embedded Neo4j on a free port with a throwaway store, applies the schema and loads
 * the seeds, then hands the address to the test workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  // dist/ built once, before any worker: the files that spawn the compiled entry points then find
  // it up to date (tsc -b does nothing), rather than two compilers writing dist/ at once and one
  // test starting a half-written file.
  buildDist();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-test-'));
  const started = Date.now();
  const password = crypto.randomBytes(32).toString('base64url');
  const neo4j = await startEmbeddedNeo4j({ boltPort: 0, dataDir, heap: '768m', pageCache: '256m', password });
  const logger = pino({ level: 'warn' });
  const executor = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 60_000, logger });
  await executor.waitUntilReachable();
  await applySchema(executor);
  await loadSeeds(executor, TEST_PSEUDONYM_KEY);
  await executor.close();
  process.env.BI_TEST_NEO4J_URI = neo4j.uri;
  // Workers inherit this process's environment; the throwaway store's password travels with it.
  process.env.BI_TEST_NEO4J_PASSWORD = password;
  (globalThis as Record<string, unknown>).__BI_NEO4J__ = { neo4j, dataDir };
  console.log(`\n[test] embedded Neo4j ${neo4j.uri} ready and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
