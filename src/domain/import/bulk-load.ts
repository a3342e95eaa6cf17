import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config/config';
import { makePrivateDir } from '../../config/private-dir';
import { runBatchImporter } from '../../db/batch-importer';
import { cypher } from '../../db/cypher-files';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../db/embedded';
import { Executor } from '../../db/executor';
import { applySchema } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { loadSeeds } from '../seed/load-seeds';
import { BulkFiles, StagedTotals } from './bulk-files';
import { readReferences, References } from './import-portfolio';
import type { PortfolioRow } from './portfolio-row';

const Q = {
  countNodes: cypher('admin/count-nodes'),
  markImported: cypher('import/mark-imported-insurers'),
};

/**
 * Left in the store folder while a bulk load runs: a store holding it holds only what an
 * unfinished bulk load wrote (the seeds it stages with, or a half-built import), which the next
 * bulk load may rebuild even though it is not empty.
 */
const UNFINISHED = 'bulk-load-unfinished';

/** The embedded store a bulk load builds, and the JVM sizes it runs with. */
export interface BulkStore {
  dataDir: string;
  heap: string;
  pageCache: string;
  /** Password of user neo4j (see startEmbeddedNeo4j). */
  password: string;
  /** Bolt port of the server started on the finished store (0: any free port). */
  boltPort: number;
  /** Off-heap memory the importer may use (default 50%: the machine is shared). */
  maxOffHeap?: string;
}

/**
 * The store of `config` for a bulk load. Throws BULK_LOAD_NEEDS_EMBEDDED when NEO4J_URI is set:
 * the importer writes store files, which a remote server or Aura does not let anyone do; the
 * message says how to get there (build the store locally, then upload it).
 */
export function bulkStoreOf(config: Pick<Config, 'neo4j'>, password: string): BulkStore {
  if (config.neo4j.uri !== undefined) {
    throw new AppError(
      'BULK_LOAD_NEEDS_EMBEDDED',
      `The bulk first load writes Neo4j's store files with the batch importer, offline, so it needs the embedded store; NEO4J_URI is set (${config.neo4j.uri.replace(/\/\/[^@/]*@/, '//')}). ` +
        'For a remote server or Neo4j Aura: unset NEO4J_URI, run the bulk load locally (it builds the store in NEO4J_DATA_DIR), then move that database there: ' +
        '`neo4j-admin database upload neo4j --from-path=<folder of the dump> --to-uri=<Aura URI>` after `neo4j-admin database dump neo4j --to-path=<folder>` (Aura), ' +
        'or dump and `neo4j-admin database load` (a self-managed server). For deltas on a remote server, use the transactional import (without --bulk).',
    );
  }
  const e = config.neo4j.embedded;
  return { dataDir: e.dataDir, heap: e.heap, pageCache: e.pageCache, password, boltPort: e.boltPort };
}

/** Options of {@link startBulkLoad}. */
export interface BulkLoadOptions {
  store: BulkStore;
  /** The seed files the graph gets, in load order (the public record, then e.g. a generated France's insurers.json). */
  seedFiles: string[];
  pseudonymKey: Buffer;
  logger: Logger;
  /** Folder under which the importer's files are staged (default: beside the store); removed at the end. */
  workDir?: string;
}

/** Seconds each phase of a bulk load took. */
export interface BulkLoadTimings {
  /** Starting the store, checking it is empty, staging the seeds (first phase). */
  prepareSeconds: number;
  /** The batch importer alone. */
  importerSeconds: number;
  /** Constraints and indexes on the imported store, online. */
  schemaSeconds: number;
  /** The seeds merged into the imported store, then every maintained summary computed. */
  seedAndSummariesSeconds: number;
}

/** A bulk load whose rows are being staged: feed it with importPortfolio, then {@link BulkLoad.build}. */
export interface BulkLoad {
  /** The staging database (the seeds only), for importPortfolio's insurer check. */
  executor: Executor;
  /** Operators and care networks rows may name, read from the staged seeds. */
  references: References;
  /** importPortfolio's `writeRows`: rows go to the importer's files. */
  writeRows(rows: PortfolioRow[], target: { insurerId: string; populationId: string }): Promise<void>;
  /** Call after each portfolio file. */
  endFile(): Promise<void>;
  /**
   * Builds the store: stops the staging server, runs the batch importer, starts Neo4j on the new
   * store, applies constraints and indexes, merges the seeds, computes the summaries and marks the
   * insurers' portfolios IMPORTED. Returns the running database (the caller closes it).
   */
  build(onOutput?: (text: string) => void): Promise<BulkLoadResult>;
  /** Stops without building (after a failure while staging); the store stays marked unfinished. */
  abort(): Promise<void>;
}

/** A finished bulk load: the server on the new store, what was written and how long each phase took. */
export interface BulkLoadResult {
  executor: Executor;
  server: EmbeddedNeo4j;
  totals: StagedTotals;
  timings: BulkLoadTimings;
  close(): Promise<void>;
}

async function open(store: BulkStore, logger: Logger, boltPort: number): Promise<{ server: EmbeddedNeo4j; executor: Executor }> {
  const server = await startEmbeddedNeo4j({ boltPort, dataDir: store.dataDir, heap: store.heap, pageCache: store.pageCache, password: store.password, onLine: (line) => logger.debug({ neo4j: line }) });
  const executor = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 60_000, logger });
  try {
    await executor.waitUntilReachable();
  } catch (e) {
    await executor.close();
    await server.stop();
    throw e;
  }
  return { server, executor };
}

/**
 * Starts a bulk first load on an empty embedded store: the store is checked empty (else
 * BULK_LOAD_NOT_EMPTY; a store an unfinished bulk load left is rebuilt), the seed files are loaded
 * into it so that the transactional import's own checks (insurer, population, operators,
 * networks) read what they read after a seed load, and files are opened for the importer. The
 * caller then runs importPortfolio on each file with this load's `writeRows` and `references`
 * (the same parsing, validation, pseudonyms and rejects as a transactional import), and
 * {@link BulkLoad.build}s. The store folder is marked unfinished until the build ends.
 */
export async function startBulkLoad(opts: BulkLoadOptions): Promise<BulkLoad> {
  const started = performance.now();
  const { store } = opts;
  const marker = path.join(store.dataDir, UNFINISHED);
  if (fs.existsSync(marker)) {
    // What an unfinished bulk load left (staged seeds, or a half-written import): the database
    // files go, the system database (users, password) stays.
    for (const dir of ['databases', 'transactions']) fs.rmSync(path.join(store.dataDir, 'data', dir, 'neo4j'), { recursive: true, force: true });
  }
  let db = await open(store, opts.logger, 0);
  let references: References;
  try {
    const [{ nodes }] = await db.executor.read<{ nodes: number }>(Q.countNodes);
    if (nodes > 0) {
      throw new AppError(
        'BULK_LOAD_NOT_EMPTY',
        `The bulk first load rebuilds the whole database with Neo4j's batch importer, so it only runs on an empty store; ${store.dataDir} holds ${nodes.toLocaleString('en')} nodes. ` +
          'Import deltas with the transactional import (npm run import without --bulk), or set NEO4J_DATA_DIR to a new folder for a first load.',
      );
    }
    fs.writeFileSync(marker, 'a bulk load started here and has not finished; the next bulk load rebuilds this store\n', { mode: 0o600 });
    await loadSeeds(db.executor, opts.pseudonymKey, opts.seedFiles);
    references = await readReferences(db.executor);
  } catch (e) {
    await db.executor.close();
    await db.server.stop();
    throw e;
  }
  // The files hold pseudonyms: a private folder, removed whatever happens.
  const parent = opts.workDir ?? path.dirname(store.dataDir);
  makePrivateDir(parent);
  const work = fs.mkdtempSync(path.join(parent, '.bulk-load-'));
  fs.chmodSync(work, 0o700);
  const files = new BulkFiles(work);
  const prepareSeconds = (performance.now() - started) / 1000;
  const stopStaging = async () => {
    await db.executor.close();
    await db.server.stop();
  };
  return {
    executor: db.executor,
    references,
    writeRows: (rows, target) => files.add(rows, target),
    endFile: () => files.endFile(),
    async abort() {
      await files.close().catch(() => undefined);
      fs.rmSync(work, { recursive: true, force: true });
      await stopStaging();
    },
    async build(onOutput) {
      let importerSeconds: number;
      let totals: StagedTotals;
      try {
        const staged = await files.close();
        totals = staged.totals;
        await stopStaging();
        const t = performance.now();
        await runBatchImporter({
          dataDir: store.dataDir,
          heap: store.heap,
          maxOffHeap: store.maxOffHeap ?? '50%',
          inputs: staged.inputs,
          multilineFields: files.multiline,
          reportFile: path.join(work, 'import.report'),
          onOutput,
        });
        importerSeconds = (performance.now() - t) / 1000;
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
      db = await open(store, opts.logger, store.boltPort);
      try {
        let t = performance.now();
        await applySchema(db.executor.admin());
        const schemaSeconds = (performance.now() - t) / 1000;
        t = performance.now();
        // The seed step as `npm run seed` runs it (it ends with the summaries' refresh), then the
        // mark each transactional batch leaves on its insurer, in the same order as there.
        await loadSeeds(db.executor, opts.pseudonymKey, opts.seedFiles);
        await db.executor.admin().write(Q.markImported, { insurerIds: totals.insurerIds });
        const seedAndSummariesSeconds = (performance.now() - t) / 1000;
        fs.rmSync(marker, { force: true });
        const { executor, server } = db;
        return {
          executor,
          server,
          totals,
          timings: { prepareSeconds, importerSeconds, schemaSeconds, seedAndSummariesSeconds },
          async close() {
            await executor.close();
            await server.stop();
          },
        };
      } catch (e) {
        await db.executor.close();
        await db.server.stop();
        throw e;
      }
    },
  };
}
