import fs from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../config/paths';

/** The folder holding every Cypher statement of the project. */
export const CYPHER_DIR = fromRoot('cypher');

/** One named, parameterised Cypher statement read from `cypher/<name>.cypher`. */
export interface NamedQuery {
  /** Path below `cypher/` without the extension, e.g. `breach/breaches-by-ids`. */
  readonly name: string;
  /** The statement text; parameters are `$names`, never interpolated values. */
  readonly text: string;
}

const cache = new Map<string, NamedQuery>();

/**
 * Returns the statement stored in `cypher/<name>.cypher`. Repositories call it at module load,
 * so a missing or misnamed file fails at start-up rather than on the first request that needs it.
 */
export function cypher(name: string): NamedQuery {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = path.join(CYPHER_DIR, `${name}.cypher`);
  if (!fs.existsSync(file)) throw new Error(`Cypher file not found: cypher/${name}.cypher`);
  // Comments are kept: Neo4j ignores them and they show up in query logs, which helps ops.
  const query: NamedQuery = Object.freeze({ name, text: fs.readFileSync(file, 'utf8').trim() });
  cache.set(name, query);
  return query;
}

/** Every `.cypher` file below `cypher/`, by name, for the EXPLAIN test and the schema step. */
export function allCypherNames(dir: string = CYPHER_DIR, prefix = ''): string[] {
  const names: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) names.push(...allCypherNames(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith('.cypher')) names.push(`${prefix}${entry.name.slice(0, -'.cypher'.length)}`);
  }
  return names;
}
