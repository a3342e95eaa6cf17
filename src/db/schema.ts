import { allCypherNames, cypher } from './cypher-files';
import { Executor } from './executor';

/**
 * Applies every constraint and index in `cypher/schema/` (all `IF NOT EXISTS`, so it is safe on
 * every start) and waits for the indexes to come online, so the first query can use them.
 */
export async function applySchema(executor: Executor): Promise<string[]> {
  const names = allCypherNames().filter((n) => n.startsWith('schema/'));
  // Schema commands cannot share a transaction with each other in Neo4j, hence one write each.
  for (const name of names) await executor.write(cypher(name));
  await executor.write(cypher('admin/await-indexes'));
  return names;
}
