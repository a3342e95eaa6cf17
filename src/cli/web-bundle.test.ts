import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webBundleState } from './web-bundle';

/** A project folder with a built bundle, every file dated `at` seconds (epoch). */
function project(at: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'web-bundle-'));
  const files = ['web/src/dashboard/App.tsx', 'web/vite.config.mts', 'schema/schema.graphql', 'schema/examples.graphql', 'package-lock.json', 'web/dist/dashboard/index.html', 'web/dist/graphiql/index.html', 'web/dist/assets/x.js'];
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), f);
    fs.utimesSync(path.join(root, f), at, at);
  }
  return root;
}

const touch = (root: string, f: string, at: number) => fs.utimesSync(path.join(root, f), at, at);

test('a bundle newer than its sources is up to date; a source, the schema or the lock changed after it is stale, and named', () => {
  const root = project(1_000);
  touch(root, 'web/dist/dashboard/index.html', 2_000);
  touch(root, 'web/dist/graphiql/index.html', 2_000);
  expect(webBundleState(root)).toEqual({ stale: false, reason: 'web/dist is newer than everything it is built from' });
  touch(root, 'web/src/dashboard/App.tsx', 3_000);
  expect(webBundleState(root)).toEqual({ stale: true, reason: 'web/src/dashboard/App.tsx changed after the bundle was built' });
  touch(root, 'web/src/dashboard/App.tsx', 1_000);
  touch(root, 'schema/schema.graphql', 3_000);
  expect(webBundleState(root).reason).toBe('schema/schema.graphql changed after the bundle was built');
  touch(root, 'schema/schema.graphql', 1_000);
  touch(root, 'package-lock.json', 3_000);
  expect(webBundleState(root).stale).toBe(true);
  // What the build writes itself never makes it stale.
  touch(root, 'package-lock.json', 1_000);
  touch(root, 'web/dist/assets/x.js', 5_000);
  expect(webBundleState(root).stale).toBe(false);
  fs.rmSync(root, { recursive: true, force: true });
});

test('a missing page is stale (a fresh clone, or a build cut short)', () => {
  const root = project(1_000);
  fs.rmSync(path.join(root, 'web/dist/graphiql/index.html'));
  expect(webBundleState(root)).toEqual({ stale: true, reason: 'web/dist/graphiql/index.html is missing' });
  fs.rmSync(root, { recursive: true, force: true });
});
