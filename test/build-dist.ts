import { spawnSync } from 'node:child_process';
import { fromRoot } from '../src/config/paths';

/**
 * Builds `dist/` as `npm start` does (tsc -p tsconfig.build.json, incremental: fast when nothing
 * changed), for tests that run the compiled entry points as child processes. Returns the path of
 * `dist/main.js`.
 */
export function buildDist(): string {
  const tsc = fromRoot('node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', fromRoot('tsconfig.build.json')], { cwd: fromRoot(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return fromRoot('dist', 'main.js');
}
