import fs from 'node:fs';
import path from 'node:path';

/**
 * The project's root folder (the one holding package.json), found by walking up from this file,
 * so that `src/` under ts-jest and `dist/` after a build resolve the same `cypher/`, `seeds/`,
 * `schema/` and `neo4j/` folders, and a module can move between layers without counting `../`.
 */
export const PROJECT_ROOT: string = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'cypher'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No project root (package.json beside cypher/) above ${__dirname}`);
  }
})();

/** A path below the project root, e.g. `fromRoot('cypher')`. */
export function fromRoot(...segments: string[]): string {
  return path.join(PROJECT_ROOT, ...segments);
}
