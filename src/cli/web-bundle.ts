import fs from 'node:fs';
import path from 'node:path';

/** What the web bundle is built from, besides everything under web/ but web/dist. */
const OTHER_INPUTS = ['schema/schema.graphql', 'schema/examples.graphql', 'package-lock.json'];

/** The pages the API serves from the bundle: the bundle exists when both do. */
const OUTPUTS = ['web/dist/dashboard/index.html', 'web/dist/graphiql/index.html'];

/** Whether `npm run build:web` has work to do, and why (a path and what is wrong with it). */
export interface WebBundleState {
  stale: boolean;
  reason: string;
}

/** Newest modification time of the files under `dir` (skipping `skip` folders), with the file. */
function newest(dir: string, skip: Set<string>): { file: string; mtimeMs: number } | null {
  let best: { file: string; mtimeMs: number } | null = null;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (skip.has(p)) continue;
      const inner = newest(p, skip);
      if (inner && (!best || inner.mtimeMs > best.mtimeMs)) best = inner;
    } else if (e.isFile()) {
      const mtimeMs = fs.statSync(p).mtimeMs;
      if (!best || mtimeMs > best.mtimeMs) best = { file: p, mtimeMs };
    }
  }
  return best;
}

/**
 * Whether the web bundle in `root`/web/dist is older than what it is built from (web/ but
 * web/dist and node_modules, the GraphQL schema and examples, the locked dependencies), so that
 * `npm start` rebuilds it only then: codegen and Vite took 30–60 s on every start before.
 * Missing pages are stale; a missing input is simply not counted.
 */
export function webBundleState(root: string): WebBundleState {
  const outputs = OUTPUTS.map((o) => path.join(root, o));
  const missing = outputs.find((o) => !fs.existsSync(o));
  if (missing) return { stale: true, reason: `${path.relative(root, missing)} is missing` };
  const built = Math.min(...outputs.map((o) => fs.statSync(o).mtimeMs));
  const web = path.join(root, 'web');
  const inputs = [
    newest(web, new Set([path.join(web, 'dist'), path.join(web, 'node_modules')])),
    ...OTHER_INPUTS.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f)).map((file) => ({ file, mtimeMs: fs.statSync(file).mtimeMs })),
  ].filter((x): x is { file: string; mtimeMs: number } => x !== null);
  const changed = inputs.filter((i) => i.mtimeMs > built).sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
  if (changed) return { stale: true, reason: `${path.relative(root, changed.file)} changed after the bundle was built` };
  return { stale: false, reason: 'web/dist is newer than everything it is built from' };
}
