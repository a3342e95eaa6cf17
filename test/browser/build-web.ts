import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The project root. */
const ROOT = path.join(__dirname, '..', '..');

/** The built bundle the API serves. */
export const WEB_DIST = path.join(ROOT, 'web', 'dist');

/**
 * Builds the web bundle (`npm run build:web`: codegen, then Vite) unless both pages are already
 * built, so a clean clone's test run works on its own (.ci/run also builds it before the tests).
 */
export function ensureWebBuilt(): void {
  if (['dashboard', 'graphiql'].every((p) => fs.existsSync(path.join(WEB_DIST, p, 'index.html')))) return;
  execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: 'inherit', timeout: 15 * 60_000 });
}
