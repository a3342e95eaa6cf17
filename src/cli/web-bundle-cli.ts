import { spawnSync } from 'node:child_process';
import { fromRoot } from '../config/paths';
import { webBundleState } from './web-bundle';

/**
 * `npm start`'s web step: builds the web bundle (`npm run build:web`) only when it is missing or
 * older than its sources (see webBundleState), and says which; exits with the build's code.
 */
const root = fromRoot('.');
const state = webBundleState(root);
if (!state.stale) {
  console.log(`web bundle up to date (${state.reason})`);
} else {
  console.log(`building the web bundle: ${state.reason}`);
  const run = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
