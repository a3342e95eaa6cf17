import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { cypher } from '../db/cypher-files';
import type { Executor, RoundTripCounter } from '../db/executor';
import { AppError, badInput, notFound } from '../errors/app-error';
import { refreshImpactSummaries } from '../domain/impact/impact-summaries';
import { PORTFOLIO_COLUMNS, PortfolioRow, redactedRecord, RowContext, validateRow } from './portfolio-row';

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
  /** Recompute the maintained impact summaries at the end (default true; a multi-file import does it once, after the last file). */
  refreshSummaries?: boolean;
}

/**
 * Imports an insurer's portfolio: every row is validated (NIR key, role, known operator and
 * network, dates), refused rows go to `onReject` with their line and reason while good rows are
 * written in batches, one transaction each, with MERGE on stable keys: importing twice gives the
 * same graph, and re-running after a crash completes what was missing. Only NIR pseudonyms are
 * written. A bad header, an unknown insurer or one without an insured population stops the
 * import before anything is written.
 */
export async function importPortfolio(opts: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const [insurer] = await opts.executor.read<{ insurerId: string; roles: string[]; populationIds: string[] }>(Q.insurer, { insurerId: opts.insurerId }, opts.counter);
  if (!insurer) throw notFound('insurer', opts.insurerId);
  if (!insurer.roles.includes('INSURER') && !insurer.roles.includes('BROKER')) throw badInput('insurerId', opts.insurerId, 'holds no insurer role');
  if (insurer.populationIds.length !== 1) {
    throw badInput('insurerId', opts.insurerId, `needs exactly one insured population in the graph, found ${insurer.populationIds.length}`);
  }
  const [refs] = await opts.executor.read<{ operators: string[]; networks: string[] }>(Q.references, {}, opts.counter);
  const ctx: RowContext = { insurerId: opts.insurerId, operators: new Set(refs.operators), networks: new Set(refs.networks), pseudonymKey: opts.pseudonymKey };
  const batchSize = opts.batchSize ?? 5_000;
  const params = { insurerId: opts.insurerId, populationId: insurer.populationIds[0] };

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
        headerError = `the header must be exactly "${PORTFOLIO_COLUMNS.join(',')}", got "${header.join(',').slice(0, 200)}"`;
        throw new Error(headerError);
      }
      return header;
    },
  });
  parser.on('skip', (err: { message: string; lines?: number }) => {
    unreadable += 1;
    rejected += 1;
    opts.onReject?.({ line: err.lines ?? 0, reason: `unreadable CSV: ${err.message.replace(/\s+/g, ' ').slice(0, 200)}`, record: {} });
  });
  let read = 0;
  let unreadable = 0;
  let loaded = 0;
  let rejected = 0;
  let batches = 0;
  let batch: PortfolioRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await opts.executor.writeAll([{ query: Q.merge, params: { ...params, rows: batch } }], opts.counter);
    loaded += batch.length;
    batches += 1;
    batch = [];
    opts.onProgress?.(read + unreadable, loaded);
  };
  if (typeof opts.source === 'string') parser.end(opts.source);
  else opts.source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
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
    if (headerError) throw badInput('file', 'header', headerError);
    throw e instanceof AppError ? e : badInput('file', 'csv', `cannot be read as CSV (${(e as Error).message.slice(0, 200)})`);
  }
  await flush();
  // The maintained totals must include what was just imported before anyone reads them.
  if (loaded > 0 && opts.refreshSummaries !== false) await refreshImpactSummaries(opts.executor, opts.counter);
  const seconds = (performance.now() - started) / 1000;
  return { insurerId: opts.insurerId, rowsRead: read + unreadable, rowsLoaded: loaded, rowsRejected: rejected, batches, seconds, rowsPerSecond: loaded / Math.max(seconds, 1e-6) };
}
