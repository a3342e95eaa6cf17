import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error';
import { runLauncherTool } from './embedded';

/** The embedded store an offline dump or load works on, and the JVM heap it runs with. */
export interface ArchiveStore {
  /** NEO4J_DATA_DIR: its `neo4j` database is dumped or replaced; the system database (users, password) is left alone. */
  dataDir: string;
  /** JVM heap (JVM syntax such as 512m). */
  heap: string;
  /** Hears neo4j-admin's output as it comes. */
  onOutput?: (text: string) => void;
}

/** What the launcher's dump and load modes print for the cases this side names (see StoreArchive.java). */
const MARKERS = ['BACKUP_STORE_IN_USE', 'BACKUP_FILE_INVALID', 'BACKUP_LOAD_FAILED', 'BACKUP_STORE_NEEDS_RECOVERY'] as const;

async function runLauncher(store: ArchiveStore, mode: 'dump' | 'load', target: string): Promise<{ code: number | null; marker?: (typeof MARKERS)[number]; tail: string }> {
  const run = await runLauncherTool([mode, target], { dataDir: store.dataDir, heap: store.heap, onOutput: store.onOutput });
  const marker = MARKERS.find((m) => new RegExp(`^${m}$`, 'm').test(run.out));
  return { code: run.code, marker, tail: run.tail };
}

function inUse(store: ArchiveStore, what: string): AppError {
  return new AppError(
    'BACKUP_STORE_IN_USE',
    `The embedded store ${store.dataDir} is in use by a running Neo4j (the API, npm start, or a seed or import), and ${what} needs it closed: ` +
      'stop that process (Ctrl-C) and run this again, or, to keep it running, take a logical export through it instead: ' +
      'NEO4J_URI=bolt://127.0.0.1:<its port> NEO4J_PASSWORD=<its password> npm run backup -- --to <file>.jsonl.gz.',
  );
}

/**
 * Writes a consistent copy of the embedded store's `neo4j` database to `to` with Neo4j's own
 * offline dump (`neo4j-admin database dump`, through the launcher's `dump` mode, same Neo4j
 * version as the server). The file is a standard Neo4j dump: `neo4j-admin database load` or
 * `upload` (Aura) read it. It is written beside `to` under a temporary name and renamed when
 * complete, so `to` is never a partial dump. The store must be closed: a running server makes it
 * BACKUP_STORE_IN_USE; a store that was not shut down cleanly, BACKUP_STORE_NEEDS_RECOVERY; any
 * other failure of the tool, BACKUP_FAILED with its last output. Returns the file's size in bytes.
 */
export async function dumpStore(store: ArchiveStore, to: string): Promise<number> {
  const target = path.resolve(to);
  if (!storeHasDatabase(store.dataDir)) throw new AppError('BACKUP_FAILED', `${store.dataDir} has no neo4j database yet, so there is nothing to back up (is NEO4J_DATA_DIR the store you mean?).`);
  const work = fs.mkdtempSync(path.join(path.dirname(target), '.backup-'));
  fs.chmodSync(work, 0o700);
  try {
    const run = await runLauncher(store, 'dump', work);
    if (run.marker === 'BACKUP_STORE_IN_USE') throw inUse(store, 'an offline dump');
    if (run.marker === 'BACKUP_STORE_NEEDS_RECOVERY') {
      throw new AppError('BACKUP_STORE_NEEDS_RECOVERY', `The embedded store ${store.dataDir} was not shut down cleanly (its transaction log needs recovery), so Neo4j will not dump it: start it once (npm start) and stop it with Ctrl-C, then back up again.`);
    }
    const dump = path.join(work, 'neo4j.dump');
    if (run.code !== 0 || !fs.existsSync(dump)) throw new AppError('BACKUP_FAILED', `neo4j-admin database dump exited with code ${run.code}; its last output:\n${run.tail}`);
    fs.chmodSync(dump, 0o600);
    fs.renameSync(dump, target);
    return fs.statSync(target).size;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Replaces the embedded store's `neo4j` database by the dump `from` with Neo4j's own offline load
 * (`neo4j-admin database load`, through the launcher's `load` mode), atomically: the archive is
 * checked first, the current database is only moved aside while the new one loads, and it comes
 * back if the load fails (BACKUP_RESTORE_FAILED) or if the load was killed (the next load puts it
 * back). A file that is not a Neo4j dump is BACKUP_FILE_INVALID with nothing changed; a running
 * server, BACKUP_STORE_IN_USE. The caller decides whether replacing is allowed (see
 * {@link storeHasDatabase}). Users and the password (the system database) stay as they are.
 */
export async function loadStore(store: ArchiveStore, from: string): Promise<void> {
  const run = await runLauncher(store, 'load', path.resolve(from));
  if (run.code === 0) return;
  if (run.marker === 'BACKUP_STORE_IN_USE') throw inUse(store, 'a restore');
  if (run.marker === 'BACKUP_FILE_INVALID') {
    throw new AppError('BACKUP_FILE_INVALID', `${from} is not a Neo4j dump Neo4j 5.26 can load (neo4j-admin could not read its header); nothing was changed. Its last output:\n${run.tail}`);
  }
  if (run.marker === 'BACKUP_LOAD_FAILED') {
    throw new AppError('BACKUP_RESTORE_FAILED', `Loading ${from} failed part-way (a truncated or corrupt dump?); the store's previous database is back in place, unchanged. neo4j-admin's last output:\n${run.tail}`);
  }
  throw new AppError('BACKUP_FAILED', `neo4j-admin database load exited with code ${run.code}; its last output:\n${run.tail}`);
}

/**
 * Whether the embedded store already has a `neo4j` database (any store that has been started or
 * loaded once: a started store is seeded at once, so it is treated as holding data). Read from the
 * folder, without starting Neo4j.
 */
export function storeHasDatabase(dataDir: string): boolean {
  const db = path.join(dataDir, 'data', 'databases', 'neo4j');
  return fs.existsSync(db) && fs.readdirSync(db).length > 0;
}
