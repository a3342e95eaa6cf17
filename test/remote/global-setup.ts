import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { seedServer } from '../harness';

/**
 * Global setup of the remote suite (jest.remote.config.js): no Neo4j is started here. The server
 * is the one NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE name, read through the API's
 * own configuration (src/config/config.ts), as a deployment against a cluster or Aura reads them.
 * It applies the schema and loads the seeds there (both idempotent, as `npm run seed` is), then
 * hands the address and credentials to the test workers the way test/global-setup.ts does.
 * Run it through `npm run test:remote`, which starts a separate server first.
 */
export default async function remoteGlobalSetup(): Promise<void> {
  const config = loadConfig();
  const { uri, user, password, database } = config.neo4j;
  if (uri === undefined) throw new Error('NEO4J_URI unset: the remote suite runs against a server of its own; use `npm run test:remote`, which starts one.');
  // The workers' harness reaches the default database only.
  if (database !== undefined) throw new Error('NEO4J_DATABASE is set: the remote suite uses the server’s default database.');
  const started = Date.now();
  const logger = pino({ level: 'warn' });
  await seedServer(uri, { user, password }, logger);
  process.env.BI_TEST_NEO4J_URI = uri;
  process.env.BI_TEST_NEO4J_USER = user;
  process.env.BI_TEST_NEO4J_PASSWORD = password;
  console.log(`\n[test] remote Neo4j ${uri} (user ${user}) reached, schema applied and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
