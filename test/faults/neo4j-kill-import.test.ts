import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Executor } from '../../src/db/executor';
import { applySchema } from '../../src/db/schema';
import { afterWrite } from '../../src/domain/after-write';
import { generateSyntheticFrance } from '../../src/domain/generate/synthetic-france';
import { checkReadiness } from '../../src/domain/health/readiness';
import { importPortfolio, readReferences } from '../../src/domain/import/import-portfolio';
import { planSummaries } from '../../src/domain/import/summary-plan';
import { loadSeeds, SEED_FILES } from '../../src/domain/seed/load-seeds';
import { isAppError } from '../../src/errors/app-error';
import { SERVER_START_MS, TEST_PSEUDONYM_KEY } from '../harness';
import { countLabel, faultStore, FaultStore, Fingerprint, fingerprint, summaryLock } from './fault-harness';

/**
 * Issue #14 §3, Neo4j killed (SIGKILL) in the middle of an import: running the same import again
 * on the restarted store converges to the graph a clean import builds (fingerprint: every node
 * and relationship, the maintained summaries included), and until it has, readiness says the
 * summaries are stale. The import is the multi-file one `npm run import -- --dir` runs (one
 * summary plan for every file, small batches, one refresh at the end), over the largest files of
 * a small generated France; the kill lands when a third of its rows have committed, as the
 * import's own progress reports them, not after a sleep.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-killimport-'));
const france = generateSyntheticFrance({ people: 2_000, seed: 14, dir: path.join(root, 'france') });
const seedFiles = [...SEED_FILES, france.seedFile];
// The largest files: enough batches of 50 rows that a kill lands between the first and the last.
const files = [...france.insurers].sort((a, b) => b.people - a.people || a.id.localeCompare(b.id)).slice(0, 12).map((i) => ({ insurerId: i.id, file: path.join(france.dir, i.file) }));
const BATCH = 50;
let stores: FaultStore[] = [];

/** Starts a store and loads the seeds and the generated insurers (the state before the import). */
async function seededStore(): Promise<{ store: FaultStore; executor: Executor }> {
  const store = await faultStore();
  stores.push(store);
  const executor = store.executor();
  await executor.waitUntilReachable();
  await applySchema(executor);
  await loadSeeds(executor, TEST_PSEUDONYM_KEY, seedFiles);
  return { store, executor };
}

/**
 * The import of every file as `npm run import -- --dir` runs it (import-cli.ts): one summary plan
 * shared by all files, and the refresh once after the last when the plan went past its deltas.
 * `onCommitted` hears the rows committed so far, after each batch.
 */
async function importAll(executor: Executor, onCommitted?: (rows: number) => void): Promise<number> {
  const references = await readReferences(executor);
  const summaries = await planSummaries(executor);
  let done = 0;
  for (const f of files) {
    const s = await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: f.insurerId, source: fs.createReadStream(f.file), references, summaries, batchSize: BATCH, onProgress: (_read, loaded) => onCommitted?.(done + loaded) });
    done += s.rowsLoaded;
  }
  if (summaries.stale) await afterWrite(executor, { catalogue: false });
  return done;
}

let clean: { fingerprint: Fingerprint; contracts: number; rows: number };

beforeAll(async () => {
  const { store, executor } = await seededStore();
  try {
    const rows = await importAll(executor);
    clean = { fingerprint: await fingerprint(executor), contracts: await countLabel(executor, 'Contract'), rows };
  } finally {
    await executor.close();
    await store.stop();
  }
}, 2 * SERVER_START_MS);

afterAll(async () => {
  for (const s of stores) await s.stop().catch(() => undefined);
  stores = [];
  fs.rmSync(root, { recursive: true, force: true });
}, SERVER_START_MS);

test('an import cut by SIGKILL of Neo4j, run again, gives the graph and summaries of a clean import', async () => {
  // Not a comparison of trivial graphs: many batches, summaries with insurer slices.
  expect(clean.rows).toBeGreaterThan(10 * BATCH);
  expect(clean.fingerprint.nodes.filter((n) => n.includes('"labels":["InsurerImpactSummary"]')).length).toBeGreaterThan(5);

  const { store, executor } = await seededStore();
  try {
    let killing: Promise<void> | undefined;
    const failure = await importAll(executor, (rows) => {
      // Kill once a third of the rows are committed: the import is mid-way, its summaries stale.
      if (!killing && rows >= clean.rows / 3) killing = store.kill();
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await killing;
    expect(killing).toBeDefined();
    // The import said the database went away, with the code a caller can act on.
    expect(isAppError(failure) ? failure.code : String(failure)).toBe('SERVICE_UNAVAILABLE');

    await store.start();
    await executor.waitUntilReachable();
    const partial = await countLabel(executor, 'Contract');
    // The kill landed mid-way: some of the import is committed, not all of it.
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(clean.contracts);
    // Known stale: the summaries count the graph before the import, and readiness says so.
    expect((await summaryLock(executor))?.portfolioStale).toBe(true);
    const readiness = await checkReadiness(executor);
    expect(readiness).toMatchObject({ ready: false, failed: 'summaries' });

    // The same import again converges to the clean one: rows merged on stable keys, summaries recounted.
    await importAll(executor);
    expect(await fingerprint(executor)).toEqual(clean.fingerprint);
    expect(await checkReadiness(executor)).toMatchObject({ ready: true });
  } finally {
    await executor.close();
  }
}, 2 * SERVER_START_MS);
