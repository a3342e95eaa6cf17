import fs from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../config/paths';

/** The folder holding every Cypher statement of the project. */
export const CYPHER_DIR = fromRoot('cypher');

/**
 * Folders below `cypher/` that hold fragments, not statements: pieces of Cypher that statements
 * pull in with `// @include`, so a rule (who a breach reaches) is written once. A fragment is not
 * run on its own, so `allCypherNames` leaves these folders out and `cypher()` refuses them.
 * `reach/` holds the reach rule; `shared/` the reads and locks that one statement runs alone and
 * another alongside its own work (the audit chain's head, the catalogue version, a stored summary).
 */
export const FRAGMENT_FOLDERS: readonly string[] = ['reach', 'shared', 'sweep'];

/** One named, parameterised Cypher statement read from `cypher/<name>.cypher`. */
export interface NamedQuery {
  /** Path below `cypher/` without the extension, e.g. `breach/breaches-by-ids`. */
  readonly name: string;
  /** The statement text, includes expanded; parameters are `$names`, never interpolated values. */
  readonly text: string;
}

const cache = new Map<string, NamedQuery>();

/** The include directive: `// @include <fragment name>`, ending a line (alone, or after code). */
const INCLUDE = /^(.*?)\/\/\s*@include\s+(\S+)\s*$/;
/**
 * Anything shaped like a directive (`// @word folder/name`), so a misspelt include fails loudly
 * instead of passing as a comment (prose such as `// @neo4j/graphql` is not directive-shaped).
 */
const DIRECTIVE = /\/\/\s*@[a-z]+\s+[\w-]+\/[\w/-]+/i;

/** True when `name` (e.g. `reach/flow-held`) lies in a fragment folder. */
export function isFragmentName(name: string): boolean {
  return FRAGMENT_FOLDERS.some((folder) => name.startsWith(`${folder}/`));
}

/**
 * Returns the statement stored in `cypher/<name>.cypher`, with its includes expanded.
 * Repositories call it at module load, so a missing or misnamed file, an unknown include or an
 * include cycle fails at start-up rather than on the first request that needs it.
 *
 * Includes: a line ending in `// @include reach/flow-held` is replaced by that line with the
 * directive turned into the comment `// from reach/flow-held`, followed by the text of the fragment
 * `cypher/reach/flow-held.cypher` (its leading `//` header lines, which document the fragment's
 * contract, left out), at the line's indentation (two spaces deeper after code). The directive may stand alone on
 * its line (a clause fragment, e.g. a `CALL {}`) or end a line of code (`AND // @include ...`
 * for an expression fragment, which is one parenthesised expression so it binds as one term).
 * Fragments may include fragments; only names in a fragment folder may be included. The text is
 * pasted verbatim: an include never carries values, which stay `$parameters`.
 */
export function cypher(name: string): NamedQuery {
  const hit = cache.get(name);
  if (hit) return hit;
  const query: NamedQuery = Object.freeze({ name, text: readStatement(name) });
  cache.set(name, query);
  return query;
}

/**
 * The text of the statement `<dir>/<name>.cypher` with its includes expanded, read afresh (no
 * cache; `cypher()` is what the code uses, this is its reader, open to tests on other folders).
 * Throws, naming the file, on a missing file, a fragment asked for as a statement, an include of
 * something that is not a fragment, an unknown include, a misspelt directive or an include cycle.
 */
export function readStatement(name: string, dir: string = CYPHER_DIR): string {
  if (isFragmentName(name)) throw new Error(`cypher/${name}.cypher is a fragment, not a statement: include it with // @include ${name}`);
  return expand(name, [], dir).trim();
}

/** The text of `<dir>/<name>.cypher` with its includes expanded; `stack` is the chain of files including it. */
function expand(name: string, stack: string[], dir: string): string {
  const file = path.join(dir, `${name}.cypher`);
  const from = stack.length > 0 ? ` (included from cypher/${stack[stack.length - 1]}.cypher)` : '';
  if (!fs.existsSync(file)) throw new Error(`Cypher file not found: cypher/${name}.cypher${from}`);
  // Comments are kept: Neo4j ignores them and they show up in query logs, which helps ops.
  let lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  if (stack.length > 0) {
    // A fragment's leading // header is its contract, for readers of the file, not for the query log.
    const start = lines.findIndex((l) => !(l.trim().startsWith('//') && !INCLUDE.test(l)) && l.trim() !== '');
    lines = start < 0 ? [] : lines.slice(start);
    if (lines.length === 0) throw new Error(`Cypher fragment cypher/${name}.cypher is empty${from}`);
  }
  const chain = [...stack, name];
  return lines
    .map((line) => {
      const m = INCLUDE.exec(line);
      if (!m) {
        if (DIRECTIVE.test(line)) throw new Error(`cypher/${name}.cypher: unknown directive in "${line.trim()}"; the only one is // @include <fragment>`);
        return line;
      }
      const [, before, target] = m;
      if (!isFragmentName(target)) {
        throw new Error(`cypher/${name}.cypher includes ${target}, which is not a fragment (fragments live in ${FRAGMENT_FOLDERS.map((f) => `cypher/${f}/`).join(', ')})`);
      }
      if (chain.includes(target)) throw new Error(`Cypher include cycle in cypher/${name}.cypher: ${[...chain, target].join(' -> ')}`);
      // A directive alone on its line (a clause) keeps the line's indentation; after code, the
      // expression goes one step deeper, under the code it continues.
      const indent = `${/^\s*/.exec(line)![0]}${before.trim() === '' ? '' : '  '}`;
      const body = expand(target, chain, dir).split('\n');
      return `${before}// from ${target}\n${body.map((l) => (l.length > 0 ? indent + l : l)).join('\n')}`;
    })
    .join('\n');
}

/**
 * Every statement below `cypher/`, by name, for the EXPLAIN test and the schema step. Fragment
 * folders are left out: a fragment is EXPLAINed inside each statement that includes it.
 */
export function allCypherNames(dir: string = CYPHER_DIR, prefix = ''): string[] {
  const names: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      if (prefix === '' && FRAGMENT_FOLDERS.includes(entry.name)) continue;
      names.push(...allCypherNames(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    } else if (entry.name.endsWith('.cypher')) names.push(`${prefix}${entry.name.slice(0, -'.cypher'.length)}`);
  }
  return names;
}
