import { allCypherNames, cypher } from './cypher-files';
import { Executor } from './executor';

/**
 * A schema file's name: an order prefix (c01 constraints, d01 objects earlier versions created
 * and this one drops, i01 indexes), then the object's name with dashes.
 */
const SCHEMA_FILE = /^schema\/([cdi])\d+-([a-z0-9-]+)$/;

/** Each schema file's kind (`c`, `d` or `i`) and the object it names; throws, naming the file, for a name off the pattern. */
function schemaFiles(): Array<{ kind: string; object: string }> {
  return allCypherNames()
    .filter((n) => n.startsWith('schema/'))
    .map((n) => {
      const m = SCHEMA_FILE.exec(n);
      if (!m) throw new Error(`cypher/${n}.cypher is not named <c|d|i><number>-<object-name>, the constraint or index it creates (c, i) or drops (d).`);
      return { kind: m[1], object: m[2].replace(/-/g, '_') };
    });
}

/**
 * The names of the constraints and indexes `cypher/schema/` creates, in file order. Each file is
 * named after what it creates (`c01-organization-id-unique` creates `organization_id_unique`),
 * so readiness checks exactly what {@link applySchema} applies without reading the statements; a
 * file named otherwise would leave readiness waiting for an object that never comes, which the
 * readiness tests on the real database catch. Throws, naming the file, for a name off the pattern.
 */
export function schemaObjectNames(): string[] {
  return schemaFiles()
    .filter((f) => f.kind !== 'd')
    .map((f) => f.object);
}

/** The names of the objects earlier versions created that {@link applySchema} drops (`d` files). */
export function droppedSchemaObjectNames(): string[] {
  return schemaFiles()
    .filter((f) => f.kind === 'd')
    .map((f) => f.object);
}

/**
 * Applies every constraint and index in `cypher/schema/` (all `IF NOT EXISTS`, and the drops of
 * objects earlier versions made `IF EXISTS`, so it is safe on every start) and waits for the
 * indexes to come online, so the first query can use them.
 */
export async function applySchema(executor: Executor): Promise<string[]> {
  const names = allCypherNames().filter((n) => n.startsWith('schema/'));
  // Schema commands cannot share a transaction with each other in Neo4j, hence one write each.
  for (const name of names) await executor.write(cypher(name));
  await executor.write(cypher('admin/await-indexes'));
  return names;
}
