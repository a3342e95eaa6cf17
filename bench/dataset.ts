import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import neo4j from 'neo4j-driver';
import pino from 'pino';
import { cypher } from '../src/db/cypher-files';
import { startEmbeddedNeo4j, EmbeddedNeo4j } from '../src/db/embedded';
import { Executor } from '../src/db/executor';
import { applySchema } from '../src/db/schema';
import { afterWrite } from '../src/domain/after-write';
import { generateSyntheticFrance } from '../src/domain/generate/synthetic-france';
import { startBulkLoad } from '../src/domain/import/bulk-load';
import { importPortfolio, readReferences } from '../src/domain/import/import-portfolio';
import { PortfolioRow, RowContext, validateRow } from '../src/domain/import/portfolio-row';
import { loadSeeds, SEED_FILES } from '../src/domain/seed/load-seeds';

// Errors only, on stderr: a failed statement's Neo4j code is what explains a failed run.
const errorsOnly = pino({ level: 'error' }, pino.destination(2));

/** One portfolio file of a generated France. */
export interface PortfolioFile {
  insurerId: string;
  file: string;
}

/** A generated France on disk: the seed file of its insurers and one portfolio per insurer. */
export interface GeneratedDataset {
  dir: string;
  seedFile: string;
  files: PortfolioFile[];
  people: number;
  rows: number;
}

/**
 * Generates (or reuses, when the folder already holds the same size and seed) a synthetic France
 * of `people` people with `npm run generate`'s generator, so every run of a size loads the same rows.
 */
export function generatedDataset(root: string, people: number, seed: number): GeneratedDataset {
  const dir = path.join(root, `france-${people}-seed-${seed}`);
  const marker = path.join(dir, 'bench-complete.json');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const out = generateSyntheticFrance({ people, seed, dir });
    fs.writeFileSync(marker, JSON.stringify({ people: out.people, rows: out.rows }));
  }
  const { people: generatedPeople, rows } = JSON.parse(fs.readFileSync(marker, 'utf8')) as { people: number; rows: number };
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^portfolio-org-[a-z0-9-]+\.csv$/.test(f))
    .sort()
    .map((f) => ({ insurerId: f.slice('portfolio-'.length, -'.csv'.length), file: path.join(dir, f) }));
  return { dir, seedFile: path.join(dir, 'insurers.json'), files, people: generatedPeople, rows };
}

/** A fresh embedded Neo4j holding the case seeds and the generated insurers (no portfolio yet). */
export interface BenchDatabase {
  neo4j: EmbeddedNeo4j;
  executor: Executor;
  dataDir: string;
  close(): Promise<void>;
}

/** Sizes of the benchmark's Neo4j (JVM syntax). */
export interface DatabaseSizes {
  heap: string;
  pageCache: string;
}

/**
 * Starts a Neo4j on a new, empty store under `root`, applies the schema and loads the case seeds
 * plus the generated insurers, their populations and flows. Each import measurement gets its own
 * store so neither run finds the other's nodes already there.
 */
export async function freshDatabase(root: string, name: string, dataset: GeneratedDataset, sizes: DatabaseSizes, pseudonymKey: Buffer): Promise<BenchDatabase> {
  const dataDir = path.join(root, `neo4j-${name}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedNeo4j({ boltPort: 0, dataDir, heap: sizes.heap, pageCache: sizes.pageCache, txTimeout: '30m', password: crypto.randomBytes(32).toString('base64url') });
  // Loading and refreshing national-size summaries takes longer than an API request may.
  const executor = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 30 * 60_000, logger: errorsOnly });
  await executor.waitUntilReachable();
  await applySchema(executor);
  await loadSeeds(executor, pseudonymKey, [...SEED_FILES, dataset.seedFile]);
  return {
    neo4j: server,
    executor,
    dataDir,
    async close() {
      await executor.close();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Rows per second of one import, with what it did. */
export interface ImportMeasure {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  rejected: number;
}

/**
 * Our import, end to end: `importPortfolio` on every file (CSV parsing, validation, NIR
 * pseudonyms, batched UNWIND writes), as `npm run import -- --dir` runs it. The summary refresh
 * that closes a real import is timed apart (`refreshSeconds`), as the floor has no equivalent.
 */
export async function importOurs(executor: Executor, pseudonymKey: Buffer, dataset: GeneratedDataset, onFile?: (done: number) => void): Promise<ImportMeasure & { refreshSeconds: number }> {
  let rows = 0;
  let rejected = 0;
  const started = performance.now();
  const references = await readReferences(executor);
  for (const [i, job] of dataset.files.entries()) {
    const s = await importPortfolio({ executor, pseudonymKey, insurerId: job.insurerId, source: fs.createReadStream(job.file), references, refreshSummaries: false });
    rows += s.rowsLoaded;
    rejected += s.rowsRejected;
    onFile?.(i + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  const refreshStarted = performance.now();
  await afterWrite(executor, { catalogue: false });
  return { rows, seconds, rowsPerSecond: rows / seconds, rejected, refreshSeconds: (performance.now() - refreshStarted) / 1000 };
}

async function preparedRows(file: string, ctx: RowContext): Promise<PortfolioRow[]> {
  const rows: PortfolioRow[] = [];
  const parser = fs.createReadStream(file).pipe(parse({ columns: true, comment: '#', skip_empty_lines: true, trim: true }));
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    const row = validateRow(record, ctx);
    if (!('reason' in row)) rows.push(row);
  }
  return rows;
}

/**
 * The floor: the very statement our import sends (cypher/import/merge-portfolio-rows), in
 * batches of the same size, driven straight through the driver with rows already parsed,
 * validated and pseudonymised before the clock starts. Only the database's share is timed, so
 * the ratio to it is what our pipeline costs on top.
 */
export async function importFloor(server: { uri: string; auth: { user: string; password: string } }, executor: Executor, pseudonymKey: Buffer, dataset: GeneratedDataset, batchSize = 5_000, onFile?: (done: number) => void): Promise<ImportMeasure> {
  const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.auth.user, server.auth.password));
  const merge = cypher('import/merge-portfolio-rows');
  const references = await readReferences(executor);
  let rows = 0;
  let timed = 0;
  try {
    for (const [i, job] of dataset.files.entries()) {
      const [insurer] = await executor.read<{ populationIds: string[] }>(cypher('import/insurer-population'), { insurerId: job.insurerId });
      const ctx: RowContext = { insurerId: job.insurerId, ...references, pseudonymKey };
      const prepared = await preparedRows(job.file, ctx);
      const params = { insurerId: job.insurerId, populationId: insurer.populationIds[0] };
      const started = performance.now();
      for (let at = 0; at < prepared.length; at += batchSize) {
        await driver.executeQuery(merge.text, { ...params, rows: prepared.slice(at, at + batchSize) }, { routing: neo4j.routing.WRITE });
      }
      timed += performance.now() - started;
      rows += prepared.length;
      onFile?.(i + 1);
    }
  } finally {
    await driver.close();
  }
  const seconds = timed / 1000;
  return { rows, seconds, rowsPerSecond: rows / seconds, rejected: 0 };
}

/** The bulk first load (`npm run import -- --bulk`), end to end, with its phases. */
export interface BulkMeasure {
  rows: number;
  rejected: number;
  /** From the CSV folder to a server answering with current summaries (every phase below). */
  endToEndSeconds: number;
  rowsPerSecond: number;
  /** Reading, validating and pseudonymising the rows, written as the importer's files (after the store check and staged seeds). */
  stagingSeconds: number;
  /** Neo4j's batch importer alone, on the files already written: the floor of the write phase. */
  importerSeconds: number;
  importerRowsPerSecond: number;
  prepareSeconds: number;
  schemaSeconds: number;
  seedAndSummariesSeconds: number;
}

/**
 * The bulk first load of `dataset` into a new store under `root`, as `npm run import -- --bulk
 * --dir <dataset> --seed insurers.json` runs it (the store check, staged seeds, importPortfolio
 * with rows going to the importer's files, the importer, then schema, seeds and summaries).
 * Returns the server on the built store, for reads, with the measure.
 */
export async function bulkOurs(root: string, dataset: GeneratedDataset, sizes: DatabaseSizes, pseudonymKey: Buffer): Promise<{ measure: BulkMeasure; db: BenchDatabase }> {
  const dataDir = path.join(root, 'neo4j-bulk');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const password = crypto.randomBytes(32).toString('base64url');
  const started = performance.now();
  const load = await startBulkLoad({
    store: { dataDir, heap: sizes.heap, pageCache: sizes.pageCache, password, boltPort: 0 },
    seedFiles: [...SEED_FILES, dataset.seedFile],
    pseudonymKey,
    logger: errorsOnly,
  });
  let rows = 0;
  let rejected = 0;
  const stagingStarted = performance.now();
  try {
    for (const job of dataset.files) {
      const s = await importPortfolio({ executor: load.executor, pseudonymKey, insurerId: job.insurerId, source: fs.createReadStream(job.file), references: load.references, refreshSummaries: false, writeRows: load.writeRows });
      await load.endFile();
      rows += s.rowsLoaded;
      rejected += s.rowsRejected;
    }
  } catch (e) {
    await load.abort();
    throw e;
  }
  const stagingSeconds = (performance.now() - stagingStarted) / 1000;
  const built = await load.build();
  const endToEndSeconds = (performance.now() - started) / 1000;
  const t = built.timings;
  return {
    measure: {
      rows,
      rejected,
      endToEndSeconds,
      rowsPerSecond: rows / endToEndSeconds,
      stagingSeconds,
      importerSeconds: t.importerSeconds,
      importerRowsPerSecond: rows / t.importerSeconds,
      prepareSeconds: t.prepareSeconds,
      schemaSeconds: t.schemaSeconds,
      seedAndSummariesSeconds: t.seedAndSummariesSeconds,
    },
    db: {
      neo4j: built.server,
      executor: built.executor,
      dataDir,
      async close() {
        await built.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    },
  };
}
