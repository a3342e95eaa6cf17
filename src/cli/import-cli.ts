import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { resolveSecrets } from '../config/secrets';
import { openDatabase } from '../db/database';
import type { Executor } from '../db/executor';
import { applySchema } from '../db/schema';
import { afterWrite } from '../domain/after-write';
import { isAppError } from '../errors/app-error';
import { ImportInvocation, unknownInsurerHint } from './import-hint';
import { importPortfolio, ImportOptions, readReferences, References, RejectedRow } from '../domain/import/import-portfolio';
import { planSummaries, SummaryPlan } from '../domain/import/summary-plan';
import { bulkStoreOf, stageFiles, startBulkLoad } from '../domain/import/bulk-load';
import { SEED_FILES } from '../domain/seed/load-seeds';
import { openRejectsFile } from './rejects-file';

/** Counts data lines by streaming, so a 10-million-row file is never held in memory. */
async function countRows(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file)) for (const byte of chunk as Buffer) if (byte === 10) lines += 1;
  return Math.max(0, lines - 1);
}

/**
 * `npm run import -- --insurer <id> <file.csv>` (or `--dir <folder>`): loads portfolios, with a
 * progress bar (rows, rows per second) and a closing summary. Refused rows go to
 * `<file>.rejects.csv` (line, reason, row with the NIR masked); good rows load. Safe to re-run.
 * Exit code: 0 when every row loaded, 2 when some were rejected (good rows are in), 1 when the
 * import failed, 130 when interrupted (the message says how many rows are committed).
 *
 * `npm run import -- --bulk --dir <folder> [--seed insurers.json …]`: the first load of an empty
 * embedded store with Neo4j's batch importer (see {@link bulkImport}).
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { insurer: { type: 'string' }, dir: { type: 'string' }, 'batch-size': { type: 'string' }, bulk: { type: 'boolean' }, seed: { type: 'string', multiple: true }, 'work-dir': { type: 'string' } },
  });
  // --dir imports every portfolio-<insurer id>.csv of a folder (what `npm run generate` writes).
  const jobs: Array<{ insurer: string; file: string }> = values.dir
    ? fs.readdirSync(values.dir).filter((f) => /^portfolio-org-[a-z0-9-]+\.csv$/.test(f)).sort().map((f) => ({ insurer: f.slice('portfolio-'.length, -'.csv'.length), file: path.join(values.dir!, f) }))
    : values.insurer && positionals[0] ? [{ insurer: values.insurer, file: positionals[0] }] : [];
  if (jobs.length === 0) throw new Error('usage: npm run import -- --insurer <organisation id> <file.csv>   or   npm run import -- --dir <folder of portfolio-<id>.csv>');
  for (const job of jobs) if (!fs.existsSync(job.file)) throw new Error(`no such file: ${job.file}`);
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : 5_000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new Error(`--batch-size must be 1 to 100000, got "${values['batch-size']}"`);
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const secrets = resolveSecrets(config);
  if (values.bulk) return bulkImport(jobs, { config, logger, secrets, batchSize, seedFiles: (values.seed ?? []).map((f) => path.resolve(f)), workDir: values['work-dir'] });
  if (values.seed || values['work-dir']) throw new Error('--seed and --work-dir go with --bulk only (a transactional import adds to a seeded database: npm run seed -- <file> first)');
  const db = await openDatabase(config, logger);
  try {
    await applySchema(db.executor);
    let loaded = 0;
    let rejected = 0;
    const started = Date.now();
    // The same for every file: read once, not once per file (388 of them for a generated France).
    const references = await readReferences(db.executor);
    // One plan for every file: small deltas are maintained batch by batch, a large run once at the end.
    const summaries = await planSummaries(db.executor);
    // Ctrl-C: say what is committed (every finished batch is) and how to complete it, then stop.
    const committed = { rows: 0 };
    process.once('SIGINT', () => {
      console.error(
        `\nimport interrupted: ${(loaded + committed.rows).toLocaleString('en')} rows committed so far (whole batches; the batch in flight is not). ` +
          'Run the same command again to complete it: rows are merged on stable keys, so nothing is doubled. Impact summaries were not recomputed.',
      );
      process.exit(130);
    });
    for (const [i, job] of jobs.entries()) {
      const s = await importFile(db.executor, secrets.pseudonymKey, references, job.insurer, job.file, batchSize, `${i + 1}/${jobs.length} `, committed, summaries);
      loaded += s.loaded;
      rejected += s.rejected;
      committed.rows = 0;
    }
    // Past the plan's delta budget the maintained totals are recomputed whole, once after the last file.
    const refreshStarted = Date.now();
    // A national sweep takes minutes: say how far it got, every 10 s at most.
    let told = refreshStarted;
    const onSwept = (people: number) => {
      if (Date.now() - told < 10_000) return;
      told = Date.now();
      console.log(`impact summaries: ${people.toLocaleString('en')} people counted so far (${Math.round((told - refreshStarted) / 1000)} s)`);
    };
    if (summaries.stale) await afterWrite(db.executor, { catalogue: false, onSwept });
    if (summaries.stale) console.log(`impact summaries recomputed in ${((Date.now() - refreshStarted) / 1000).toFixed(1)} s`);
    if (jobs.length > 1) {
      const seconds = (Date.now() - started) / 1000;
      console.log(`all files: imported ${loaded} rows, rejected ${rejected}, in ${seconds.toFixed(1)} s (${Math.round(loaded / Math.max(seconds, 0.001))} rows/s)`);
    }
    // Refused rows are a partial success: good rows are in, and a script must not take it for a clean run.
    if (rejected > 0) {
      console.error(`${rejected.toLocaleString('en')} of ${(loaded + rejected).toLocaleString('en')} rows were rejected (see the .rejects.csv file beside each input); exit code 2`);
      process.exitCode = 2;
    }
  } finally {
    await db.close();
  }
}

/**
 * The bulk first load (issue #12): refuses a remote server (NEO4J_URI) and a store that is not
 * empty, stages the seeds (`SEED_FILES` then each `--seed` file, as `npm run seed -- <file>`
 * loads them), runs every file through the transactional import's own path (progress bar,
 * validation, pseudonyms, `.rejects.csv`) with rows going to the batch importer's files, runs the
 * importer (its progress on stderr), then brings the store up with schema, seeds and summaries.
 * Exit codes as for the transactional import.
 */
async function bulkImport(
  jobs: Array<{ insurer: string; file: string }>,
  opts: { config: ReturnType<typeof loadConfig>; logger: ReturnType<typeof createLogger>; secrets: ReturnType<typeof resolveSecrets>; batchSize: number; seedFiles: string[]; workDir?: string },
): Promise<void> {
  for (const f of opts.seedFiles) if (!fs.existsSync(f)) throw new Error(`no such seed file: ${f}`);
  const store = bulkStoreOf(opts.config, opts.secrets.neo4jPassword!);
  const started = Date.now();
  console.log(`bulk first load into ${store.dataDir}: checking the store is empty and staging the seeds…`);
  const bulk = await startBulkLoad({ store, seedFiles: [...SEED_FILES, ...opts.seedFiles], pseudonymKey: opts.secrets.pseudonymKey, logger: opts.logger, workDir: opts.workDir });
  process.once('SIGINT', () => {
    console.error('\nbulk load interrupted: nothing is loaded. Run the same command again: it rebuilds the store from the start.');
    process.exit(130);
  });
  const { loaded, rejected } = await stageFiles(bulk, jobs, (job, i) =>
    importFile(bulk.executor, opts.secrets.pseudonymKey, bulk.references, job.insurer, job.file, opts.batchSize, `${i + 1}/${jobs.length} `, { rows: 0 }, undefined, bulk.writeRows),
  );
  console.log(`${loaded.toLocaleString('en')} rows staged; running Neo4j's batch importer…`);
  const result = await bulk.build((text) => process.stderr.write(text));
  try {
    const t = result.timings;
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `bulk first load: ${loaded.toLocaleString('en')} rows (${result.totals.contracts.toLocaleString('en')} contracts), rejected ${rejected.toLocaleString('en')}, in ${seconds.toFixed(1)} s ` +
        `(${Math.round(loaded / Math.max(seconds, 0.001))} rows/s): batch importer ${t.importerSeconds.toFixed(1)} s, constraints and indexes ${t.schemaSeconds.toFixed(1)} s, seeds and impact summaries ${t.seedAndSummariesSeconds.toFixed(1)} s`,
    );
  } finally {
    await result.close();
  }
  if (rejected > 0) {
    console.error(`${rejected.toLocaleString('en')} of ${(loaded + rejected).toLocaleString('en')} rows were rejected (see the .rejects.csv file beside each input); exit code 2`);
    process.exitCode = 2;
  }
}

/** Imports one file with a progress bar and a summary line; refused rows go to <file>.rejects.csv. */
async function importFile(
  executor: Executor,
  pseudonymKey: Buffer,
  references: References,
  insurerId: string,
  file: string,
  batchSize: number,
  position: string,
  committed: { rows: number },
  // The run's one summary plan (transactional imports); none when rows are staged for the batch importer.
  summaries: SummaryPlan | undefined,
  writeRows?: ImportOptions['writeRows'],
): Promise<{ loaded: number; rejected: number }> {
  const rejects = openRejectsFile(file);
  const rejectsFile = rejects.path;
  const total = await countRows(file);
  const bar = new cliProgress.SingleBar(
    { format: `${position}${insurerId} {bar} {value}/{total} rows | {rate} rows/s | loaded {loaded} | rejected {rejected}`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let rejected = 0;
  const started = Date.now();
  bar.start(total, 0, { rate: 0, loaded: 0, rejected: 0 });
  try {
    const summary = await importPortfolio({
      executor,
      pseudonymKey,
      insurerId,
      source: fs.createReadStream(file),
      references,
      batchSize,
      summaries,
      // Staged rows are not in the database yet: the bulk load computes the summaries once it is up.
      ...(writeRows ? { refreshSummaries: false, writeRows } : {}),
      onReject: (r: RejectedRow) => {
        rejected += 1;
        rejects.write(r);
      },
      onProgress: (read, loaded) => {
        committed.rows = loaded;
        bar.update(read, { loaded, rejected, rate: Math.round(loaded / Math.max((Date.now() - started) / 1000, 0.001)) });
      },
    });
    bar.update(summary.rowsRead, { loaded: summary.rowsLoaded, rejected: summary.rowsRejected, rate: Math.round(summary.rowsPerSecond) });
    bar.stop();
    console.log(
      `${position}imported ${summary.rowsLoaded} of ${summary.rowsRead} rows for ${summary.insurerId} in ${summary.seconds.toFixed(1)} s ` +
        `(${Math.round(summary.rowsPerSecond)} rows/s, ${summary.batches} batches); rejected ${summary.rowsRejected}` +
        (summary.rowsRejected > 0 ? `, see ${rejectsFile}` : ''),
    );
    return { loaded: summary.rowsLoaded, rejected: summary.rowsRejected };
  } finally {
    bar.stop();
    await rejects.close(rejected > 0);
  }
}

main().catch((e: unknown) => {
  console.error(isAppError(e) ? `import failed [${e.code}]: ${e.message}` : `import failed: ${(e as Error).message}`);
  const hint = unknownInsurerHint(e, invocation());
  if (hint) console.error(hint);
  process.exit(1);
});

/** The command line's --dir, --bulk and --seed, for a hint after a failure (never throws). */
function invocation(): ImportInvocation {
  try {
    const { values } = parseArgs({ allowPositionals: true, strict: false, options: { dir: { type: 'string' }, bulk: { type: 'boolean' }, seed: { type: 'string', multiple: true } } });
    return { dir: typeof values.dir === 'string' ? values.dir : undefined, bulk: values.bulk === true, seeds: (values.seed ?? []).filter((s): s is string => typeof s === 'string') };
  } catch {
    return { bulk: false, seeds: [] };
  }
}
