import fs from 'node:fs';
import type { EmbeddedNeo4j } from '../src/db/embedded';

/** Stops the test Neo4j and removes its throwaway store. */
export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>).__BI_NEO4J__ as { neo4j: EmbeddedNeo4j; dataDir: string } | undefined;
  if (!handle) return;
  await handle.neo4j.stop();
  fs.rmSync(handle.dataDir, { recursive: true, force: true });
}
