import { spawnSync } from 'node:child_process';
import { fromRoot } from '../src/config/paths';

/**
 * Builds `dist/` as `npm run build` (and so `npm start` and every CLI script) does:
 * `tsc -b tsconfig.build.json`, which does nothing when no input is newer than the last build
 * (test/build-up-to-date.test.ts). For tests that run the compiled entry points as child
 * processes. Returns the path of `dist/main.js`.
 */
export function buildDist(): string {
  const tsc = fromRoot('node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-b', fromRoot('tsconfig.build.json')], { cwd: fromRoot(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc -b tsconfig.build.json failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return fromRoot('dist', 'main.js');
}
