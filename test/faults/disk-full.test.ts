import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Executor } from '../../src/db/executor';
import { applySchema } from '../../src/db/schema';
import { importPortfolio } from '../../src/domain/import/import-portfolio';
import { PORTFOLIO_COLUMNS } from '../../src/domain/import/portfolio-row';
import { loadSeeds } from '../../src/domain/seed/load-seeds';
import { isAppError } from '../../src/errors/app-error';
import { syntheticNir } from '../../src/identity/nir';
import { SERVER_START_MS, TEST_PSEUDONYM_KEY } from '../harness';
import { countLabel, faultStore, FaultStore, Fingerprint, fingerprint, summaryLock } from './fault-harness';

/**
 * Issue #14 §3, the store's disk full: a private store lives on a small tmpfs (we run as root in
 * CI; mount needs CAP_SYS_ADMIN), a file fills what is left of it, and an import batch then
 * fails with the stable code NEO4J_STORE_FAILED (Neo4j cannot append the transaction to its log;
 * it reports that, not the cause, and refuses everything after it until restarted: the same
 * code). Once space is freed and Neo4j restarted, the graph is exactly what it was before the
 * write (fingerprint): nothing half-written, not even the summary lock's stale mark that the
 * batch's transaction sets first.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-diskfull-'));
const mountPoint = path.join(root, 'disk');
const filler = path.join(mountPoint, 'filler');
let mounted = false;
let store: FaultStore | undefined;
let executor: Executor | undefined;
let before: Fingerprint;

/** 3,000 new contracts of one holder each for Alan: one batch, far larger than any slack left in the log's last page. */
const csv = [PORTFOLIO_COLUMNS.join(','), ...Array.from({ length: 3_000 }, (_, i) => `DISKFULL-${i},${syntheticNir(`diskfull-${i}`)},HOLDER,Santé,,,2023-01-01,`)].join('\n') + '\n';

/** Fills the file system with one file until it refuses a single block more. */
function fill(): number {
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(1 << 20);
  let bytes = 0;
  try {
    for (const size of [1 << 20, 4096, 512]) {
      try {
        for (;;) bytes += fs.writeSync(fd, chunk, 0, size);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}

beforeAll(async () => {
  fs.mkdirSync(mountPoint);
  // A real full disk, not a simulated one: the store's own file system runs out of space.
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m,mode=0700', 'tmpfs', mountPoint]);
  mounted = true;
  store = await faultStore(path.join(mountPoint, 'store'));
  executor = store.executor();
  await executor.waitUntilReachable();
  await applySchema(executor);
  await loadSeeds(executor, TEST_PSEUDONYM_KEY);
  before = await fingerprint(executor);
}, SERVER_START_MS);

afterAll(async () => {
  await executor?.close();
  await store?.kill();
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  fs.rmSync(root, { recursive: true, force: true });
}, SERVER_START_MS);

test('a write on a full disk fails with NEO4J_STORE_FAILED, and nothing of it is in the graph once Neo4j is back', async () => {
  // Not an empty graph: the seeded contracts are there (labels sorted, Contract first).
  expect(before.nodes.filter((n) => n.startsWith('{"labels":["Contract"')).length).toBeGreaterThan(10);
  const filled = fill();
  expect(filled).toBeGreaterThan(0);

  const failure = await importPortfolio({ executor: executor!, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: 'org-alan', source: csv, batchSize: 3_000 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(failure).toBeDefined();
  expect(isAppError(failure) ? failure.code : String(failure)).toBe('NEO4J_STORE_FAILED');
  expect((failure as Error).message).toMatch(/disk is full.*nothing of this write was committed/);
  // Neo4j now refuses every transaction until restarted: said with the same code, not INTERNAL.
  const next = await countLabel(executor!, 'Contract').then(
    () => 'answered',
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );
  expect(next).toBe('NEO4J_STORE_FAILED');

  // The operator frees space and restarts Neo4j (a panicked database does not come back by itself).
  fs.rmSync(filler);
  await store!.kill();
  await store!.start();
  await executor!.waitUntilReachable();
  const after = await fingerprint(executor!);
  expect(after.nodes.length).toBe(before.nodes.length);
  expect(after).toEqual(before);
  expect((await summaryLock(executor!))?.portfolioStale).not.toBe(true);

  // And the store works again: the same import now completes.
  const done = await importPortfolio({ executor: executor!, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: 'org-alan', source: csv, batchSize: 3_000 });
  expect(done.rowsLoaded).toBe(3_000);
}, SERVER_START_MS);
