import type { Readable } from 'node:stream';
import { importFinished } from '../ops-events';
import { parse } from 'csv-parse';
import { cypher } from '../../db/cypher-files';
import type { Executor, RoundTripCounter } from '../../db/executor';
import { AppError, badInput, notFound } from '../../errors/app-error';
import { maskNirsIn } from '../../identity/nir';
import { afterWrite } from '../after-write';
import { writeLeavingSummariesStale, writeWithSummaries } from '../summary-upkeep';
import { PORTFOLIO_COLUMNS, PortfolioRow, redactedRecord, RowContext, validateRow } from './portfolio-row';
import { planSummaries, SummaryPlan } from './summary-plan';

const Q = {
  insurer: cypher('import/insurer-population'),
  references: cypher('import/reference-ids'),
  merge: cypher('import/merge-portfolio-rows'),
};

/** A refused row: its line in the file, why, and the row with the NIR masked. */
export interface RejectedRow {
  line: number;
  reason: string;
  record: Record<string, string>;
}

/** The operators and care networks a row may name. */
export interface References {
  operators: Set<string>;
  networks: Set<string>;
}

/** Reads the operators and care networks rows may name; once for a whole multi-file import. */
export async function readReferences(executor: Executor, counter?: RoundTripCounter): Promise<References> {
  const [refs] = await executor.read<{ operators: string[]; networks: string[] }>(Q.references, {}, counter);
  return { operators: new Set(refs.operators), networks: new Set(refs.networks) };
}

/** What an import did. */
export interface ImportSummary {
  insurerId: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  batches: number;
  seconds: number;
  rowsPerSecond: number;
}

/** Options of {@link importPortfolio}. */
export interface ImportOptions {
  executor: Executor;
  pseudonymKey: Buffer;
  insurerId: string;
  /** The CSV (header line first), as a stream or a string. */
  source: Readable | string;
  /** Rows per transaction (default 5,000). */
  batchSize?: number;
  onReject?: (r: RejectedRow) => void;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rowsRead: number, rowsLoaded: number) => void;
  counter?: RoundTripCounter;
  /** Known operators and networks, when the caller read them once for several files (see {@link readReferences}). */
  references?: References;
  /**
   * Maintain the summaries (default true). False: plain batches, and the caller refreshes them
   * (afterWrite) once it is done.
   */
  refreshSummaries?: boolean;
  /**
   * The summary plan of a run of several files (planSummaries, one object passed to each): its
   * delta budget is shared, and the caller refreshes once at the end when it says `stale`.
   * Without it, the import plans for itself and refreshes at its end when needed.
   */
  summaries?: SummaryPlan;
  /**
   * Where each batch of validated rows goes instead of the database (the bulk first load writes
   * them to the batch importer's files): everything before it (insurer check, parsing,
   * validation, pseudonyms, rejects, progress) is the same code path. Resolves once the rows are
   * stored; a rejection stops the import like a failed write.
   */
  writeRows?: (rows: PortfolioRow[], target: { insurerId: string; populationId: string }) => Promise<void>;
}

/**
 * A hint when a wrong header is one semicolon- or tab-separated line (the default of French
 * spreadsheets is `;`): the file is not broken, it was saved with another separator.
 */
export function delimiterHint(header: string[]): string {
  if (header.length !== 1) return '';
  const names = (sep: string) => header[0].split(sep).map((h) => h.trim().toLowerCase());
  for (const [sep, name] of [[';', 'semicolons'], ['\t', 'tabs']] as const) {
    if (names(sep).join(',') === PORTFOLIO_COLUMNS.join(',')) return ` (the file separates its columns with ${name}: save it as CSV with commas, e.g. "CSV UTF-8 (comma delimited)" in a spreadsheet)`;
  }
  return '';
}

/**
 * Imports an insurer's portfolio: every row is validated (NIR key, role, known operator and
 * network, dates), refused rows go to `onReject` with their line and reason while good rows are
 * written in batches, one transaction each, with MERGE on stable keys: importing twice gives the
 * same graph, and re-running after a crash completes what was missing. Only NIR pseudonyms are
 * written. A bad header, an unknown insurer or one without an insured population stops the
 * import before anything is written. The next batch is read and validated while the previous one
 * is written (one write in flight at most); a failed write stops the import with its error, and
 * rows count as loaded (in progress and summary) only once their transaction has committed.
 */
export async function importPortfolio(opts: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const [insurer] = await opts.executor.read<{ insurerId: string; roles: string[]; populationIds: string[] }>(Q.insurer, { insurerId: opts.insurerId }, opts.counter);
  if (!insurer) throw notFound('insurer', opts.insurerId);
  if (!insurer.roles.includes('INSURER') && !insurer.roles.includes('BROKER')) throw badInput('insurerId', opts.insurerId, 'holds no insurer role');
  if (insurer.populationIds.length !== 1) {
    throw badInput('insurerId', opts.insurerId, `needs exactly one insured population in the graph, found ${insurer.populationIds.length}`);
  }
  const refs = opts.references ?? (await readReferences(opts.executor, opts.counter));
  const ctx: RowContext = { insurerId: opts.insurerId, ...refs, pseudonymKey: opts.pseudonymKey };
  const batchSize = opts.batchSize ?? 5_000;
  const params = { insurerId: opts.insurerId, populationId: insurer.populationIds[0] };
  const plan = opts.refreshSummaries === false ? { rowsLeft: 0, stale: false } : (opts.summaries ?? (await planSummaries(opts.executor, opts.counter)));

  let headerError: string | undefined;
  const parser = parse({
    bom: true,
    trim: true,
    // Lines starting with # are comments (the sample file says it is synthetic that way).
    comment: '#',
    skip_empty_lines: true,
    info: true,
    // A line the CSV grammar cannot read is refused alone; the rest of the file goes on.
    skip_records_with_error: true,
    columns: (header: string[]) => {
      if (header.join(',') !== PORTFOLIO_COLUMNS.join(',')) {
        // A file without its header starts with a data row: quote it masked.
        headerError = `the header must be exactly "${PORTFOLIO_COLUMNS.join(',')}", got "${maskNirsIn(header.join(',')).slice(0, 200)}"${delimiterHint(header)}`;
        throw new Error(headerError);
      }
      return header;
    },
  });
  parser.on('skip', (err: { message: string; lines?: number }) => {
    unreadable += 1;
    rejected += 1;
    // The parser's message may quote the line it could not read: masked like any other reason.
    opts.onReject?.({ line: err.lines ?? 0, reason: maskNirsIn(`unreadable CSV: ${err.message.replace(/\s+/g, ' ').slice(0, 200)}`), record: {} });
  });
  let read = 0;
  let unreadable = 0;
  let loaded = 0;
  let rejected = 0;
  let batches = 0;
  let batch: PortfolioRow[] = [];
  // Writes are pipelined: while one batch's transaction runs, the next batch is parsed and
  // validated. At most one write is in flight (the next waits for it), so batches still commit
  // in file order, one transaction each, and memory holds at most two batches.
  let inFlight: Promise<void> | undefined;
  // The first failed write. Kept rather than left to reject: nobody awaits the write until the
  // next batch is full, and a rejection nobody handles by then would crash the process.
  let writeFailure: { error: unknown } | undefined;
  const write = async (rows: PortfolioRow[]) => {
    try {
      if (opts.writeRows) {
        // Staged for the batch importer (bulk first load): nothing is written to the database here.
        await opts.writeRows(rows, params);
      } else {
        const step = { query: Q.merge, params: { ...params, rows } };
        // Small imports maintain the summaries batch by batch, in the batch's own transaction;
        // past the plan's budget, plain batches and one refresh at the end (see summary-plan.ts).
        if (plan.rowsLeft >= rows.length) {
          plan.rowsLeft -= rows.length;
          await writeWithSummaries(opts.executor, step, { people: rows.map((r) => r.pseudonym), contracts: [...new Set(rows.map((r) => r.contractId))] }, opts.counter);
        } else {
          plan.rowsLeft = 0;
          plan.stale = true;
          await writeLeavingSummariesStale(opts.executor, step, opts.counter);
        }
      }
    } catch (error) {
      writeFailure = { error };
      return;
    }
    // Counted only once committed, so progress and the summary never include unwritten rows.
    loaded += rows.length;
    batches += 1;
    opts.onProgress?.(read + unreadable, loaded);
  };
  /** Waits for the write in flight; rethrows its failure, so nothing more is read or written after it. */
  const settle = async () => {
    await inFlight;
    inFlight = undefined;
    if (writeFailure) throw writeFailure.error;
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await settle();
    inFlight = write(rows);
  };
  if (typeof opts.source === 'string') parser.end(opts.source);
  else opts.source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      // Stop at the first row after a failed write instead of validating the rest of the file.
      if (writeFailure) throw writeFailure.error;
      read += 1;
      const row = validateRow(record, ctx);
      if ('reason' in row) {
        rejected += 1;
        opts.onReject?.({ line: info.lines, reason: row.reason, record: redactedRecord(record) });
        continue;
      }
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
  } catch (e) {
    // Never return while a transaction still runs; and a failed write, which happened earlier in
    // the file than anything read after it, is the error to report.
    await inFlight;
    if (writeFailure) throw writeFailure.error;
    if (headerError) throw badInput('file', 'header', headerError);
    throw e instanceof AppError ? e : badInput('file', 'csv', `cannot be read as CSV (${maskNirsIn((e as Error).message).slice(0, 200)})`);
  }
  await flush();
  await settle();
  // The maintained totals must include what was just imported before anyone reads them: deltas
  // did it batch by batch; plain batches need the refresh (unless the caller runs it).
  if (plan.stale && opts.refreshSummaries !== false && !opts.summaries) await afterWrite(opts.executor, { catalogue: false, counter: opts.counter });
  const seconds = (performance.now() - started) / 1000;
  importFinished.emit({ rowsLoaded: loaded, rowsRejected: rejected });
  return { insurerId: opts.insurerId, rowsRead: read + unreadable, rowsLoaded: loaded, rowsRejected: rejected, batches, seconds, rowsPerSecond: loaded / Math.max(seconds, 1e-6) };
}
