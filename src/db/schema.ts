import { allCypherNames, cypher } from './cypher-files';
import { Executor } from './executor';

/** `CREATE CONSTRAINT name` or `CREATE [RANGE|TEXT|POINT|FULLTEXT|VECTOR|LOOKUP] INDEX name`. */
const CREATED_NAME = /\bCREATE\s+(?:CONSTRAINT|(?:[A-Z]+\s+)?INDEX)\s+([A-Za-z_][A-Za-z0-9_]*)/i;

/**
 * The names of the constraints and indexes `cypher/schema/` creates, in file order, read from
 * the statements themselves (each names what it creates), so readiness checks exactly what
 * {@link applySchema} applies. Throws, naming the file, for a statement that names nothing.
 */
export function schemaObjectNames(): string[] {
  return allCypherNames()
    .filter((n) => n.startsWith('schema/'))
    .map((n) => {
      const m = CREATED_NAME.exec(cypher(n).text.replace(/^\s*\/\/.*$/gm, ''));
      if (!m) throw new Error(`cypher/${n}.cypher does not name the constraint or index it creates.`);
      return m[1];
    });
}

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
