import { Readable } from 'node:stream';
import { decide } from '../../auth/policy';
import { holdHeapGrowth } from '../../config/heap-growth';
import { visibleToTenant } from '../../db/reach';
import { recordAuditEvent } from '../../domain/audit/audit-appender';
import { auditEventOf, refusalOf } from '../../domain/audit/audit-recorder';
import type { ExposureRow } from '../../domain/breach/breach.rows';
import { checkDate } from '../../domain/common/date';
import { affectedContractBatches, ExportContractRow } from '../../domain/contract/affected-contracts-export';
import { AppError, badInput, isAppError } from '../../errors/app-error';
import type { RequestContext } from '../context';
import { loadPaths, requireBreach, requireCategory } from '../require';
import { CategoryNames, csvHeader, csvLines, endLine, EXPORT_FORMATS, ExportFormat, jsonLines, mailingRows, newPathPartMemo, PathPartMemo } from './mailing-rows';

/** The path of the mailing export. */
export const EXPORT_PATH = '/export/affected-contracts';

/** The export's key in the role policy (auth/policy.ts) and its `field` in the audit trail. */
export const EXPORT_POLICY_KEY = `GET ${EXPORT_PATH}`;

/** The export's `path` in the audit trail (a GraphQL field's is its alias). */
const AUDIT_PATH = 'export';

/** The query parameters the export takes; any other is BAD_USER_INPUT (the tenant is never one). */
const PARAMETERS = ['breachId', 'format', 'asOf', 'bom'] as const;

/** What the caller asked for, checked. */
export interface ExportRequest {
  breachId: string;
  format: ExportFormat;
  asOf: string | null;
  /** Start a CSV with a UTF-8 byte-order mark (for Excel); never for JSON lines. */
  bom: boolean;
}

/**
 * Checks the query parameters of an export: `breachId` (required), `format` (`csv`, the default,
 * or `jsonl`), `asOf` (a calendar date, as `affectedContracts`), `bom` (`true`/`false`, `1`/`0`; CSV
 * only). A repeated or unknown parameter is BAD_USER_INPUT naming it; in particular an
 * `insurerId`: the insurer is the token's organisation, never a parameter.
 */
export function exportRequestOf(query: unknown): ExportRequest {
  const q = (query ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(q)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      throw new AppError('BAD_USER_INPUT', `Unknown parameter "${name}"; the export takes ${PARAMETERS.join(', ')}. The insurer is your token's organisation, never a parameter.`, { argument: name });
    }
    if (typeof value !== 'string') throw badInput(name, value, 'give it once, as text');
  }
  const breachId = q.breachId as string | undefined;
  if (breachId === undefined || breachId === '') throw badInput('breachId', breachId ?? null, 'required, e.g. breach-almerys-2024');
  const format = (q.format as string | undefined) ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw badInput('format', format, `one of ${EXPORT_FORMATS.join(', ')}`);
  const bomText = (q.bom as string | undefined) ?? 'false';
  if (!['true', 'false', '1', '0'].includes(bomText)) throw badInput('bom', bomText, 'true or false');
  const bom = bomText === 'true' || bomText === '1';
  if (bom && format !== 'csv') throw badInput('bom', bomText, 'a byte-order mark is for CSV opened in Excel only; JSON lines never start with one');
  return { breachId, format: format as ExportFormat, asOf: checkDate('asOf', q.asOf as string | undefined), bom };
}

/** Everything an export needs once it is authorised and its breach resolved, before the first byte. */
export interface PreparedExport {
  request: ExportRequest;
  tenant: string;
  referenceDate: string | null;
  exposures: readonly ExposureRow[];
  /** The names of the categories of `exposures`, for the CSV's name columns. */
  categoryNames: CategoryNames;
  /** The batches still to read; the first one is `first` (already read, so its failure is an HTTP error). */
  batches: AsyncGenerator<ExportContractRow[], void, undefined>;
  first: IteratorResult<ExportContractRow[], void>;
}

/**
 * Authorises and prepares an export for `ctx.principal`, in the order the GraphQL guard and
 * `affectedContracts` use: the role policy (no token UNAUTHENTICATED, another role FORBIDDEN), the
 * tenant check (an INSURER token whose `org` is no insurer of the graph: FORBIDDEN), the
 * parameters, the breach (NOT_FOUND), the insurer's own qualifying paths on the reference date,
 * then the first batch of contracts. Rows are person-level, so only an audience with exact
 * figures (an insurer, about its own tenant: see the disclosure policy) ever gets here. Throws an
 * AppError with the code the answer carries; nothing is sent yet.
 */
export async function prepareExport(ctx: RequestContext, query: unknown, options: { batchSize?: number } = {}): Promise<PreparedExport> {
  const p = ctx.principal;
  switch (decide(p, EXPORT_POLICY_KEY)) {
    case 'ALLOWED':
      break;
    case 'UNAUTHENTICATED':
      throw new AppError('UNAUTHENTICATED', `${EXPORT_POLICY_KEY} needs an INSURER bearer token (Authorization: Bearer <JWT>).`);
    default:
      throw new AppError('FORBIDDEN', `Role ${p.kind === 'user' ? p.role : 'anonymous'} may not export contract-level rows (allowed: INSURER, its own contracts only).`);
  }
  await ctx.tenantCheck();
  const tenant = ctx.tenant;
  // The policy allows INSURER only, whose audience is exact; this holds whatever the policy becomes.
  if (tenant === null || ctx.audience !== 'EXACT') throw new AppError('FORBIDDEN', 'Only an insurer may export its own contracts.');
  const request = exportRequestOf(query);
  const [, answer, breachExposures] = await Promise.all([
    requireBreach(ctx, request.breachId),
    loadPaths(ctx, { breachId: request.breachId, asOf: request.asOf }),
    ctx.loaders.exposures.load(request.breachId),
  ]);
  // The insurer's own paths to insured people, as affectedContracts takes them.
  const paths = answer.paths.filter((path) => visibleToTenant(path, tenant) && path.populationKind === 'INSURED');
  const batches =
    answer.referenceDate === null || paths.length === 0
      ? (async function* none(): AsyncGenerator<ExportContractRow[], void, undefined> {})()
      : affectedContractBatches(ctx.executor, { tenant, referenceDate: answer.referenceDate, paths, batchSize: options.batchSize, counter: ctx.roundTrips });
  const exposures = breachExposures ?? [];
  // The categories' names (cached by the request's loader) while the first batch is read.
  const [categories, first] = await Promise.all([Promise.all([...new Set(exposures.map((x) => x.categoryId))].map((id) => requireCategory(ctx, id))), batches.next()]);
  return { request, tenant, referenceDate: answer.referenceDate, exposures, categoryNames: new Map(categories.map((c) => [c.id, c.name])), batches, first };
}

/** True for the error Node's streams raise when a consumer destroys a stream it stopped reading. */
function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || (e as { code?: unknown }).code === 'ABORT_ERR' || (e as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE');
}

/** How an export ended, as its audit record says. */
export interface ExportOutcome {
  /** Lines of data handed to the connection (beneficiary rows, not counting header or end line). */
  rows: number;
  contracts: number;
  /** `complete`: every row and the end line; `aborted`: the client went away; `failed`: the server stopped it. */
  ending: 'complete' | 'aborted' | 'failed';
}

/** Records one attempt on the export in the audit trail (one record per export request). */
export function recordExportAttempt(ctx: RequestContext, query: unknown, outcome: 'READ' | 'REFUSED', rows: number | null, refusal: { code: string | null; reason: string } | null): Promise<void> {
  return recordAuditEvent(
    ctx.executor,
    ctx.roundTrips,
    auditEventOf(ctx.principal, { field: EXPORT_POLICY_KEY, path: AUDIT_PATH, operationName: null, args: { ...(query as Record<string, unknown>) }, outcome, rows, refusal }),
  );
}

/**
 * The body of a prepared export as a byte stream with backpressure: batch n+1 is read from Neo4j
 * while batch n is formatted and sent, and batch n+2 only once the connection has taken batch n,
 * so the server holds two batches whatever the export's size. Lines: (a UTF-8 BOM, for CSV when asked), the CSV header, one line
 * per beneficiary of each contract, then — after the export's single audit record is written,
 * with its row count — the end line (see `endLine`). If the audit write fails, or a batch fails,
 * the stream errors (the HTTP layer then cuts the connection) and no end line is written; if the
 * client goes away, the stream is destroyed. Either way the audit record is still written once,
 * with the rows handed over so far and a reason saying how it ended; `done` settles with the
 * outcome after that record.
 */
export function exportStream(ctx: RequestContext, query: unknown, prepared: PreparedExport): { stream: Readable; done: Promise<ExportOutcome> } {
  const { request, referenceDate, exposures, categoryNames, batches } = prepared;
  let settle: (o: ExportOutcome) => void = () => undefined;
  const done = new Promise<ExportOutcome>((resolve) => (settle = resolve));
  async function* body(): AsyncGenerator<string, void, undefined> {
    let rows = 0;
    let contracts = 0;
    let audited = false;
    let failure: unknown = null;
    let ending: ExportOutcome['ending'] = 'aborted';
    // While it streams, the heap may grow by half its live size, not V8's up to fourfold (see holdHeapGrowth).
    const releaseHeapGrowth = holdHeapGrowth();
    try {
      if (request.format === 'csv') yield `${request.bom ? '\uFEFF' : ''}${csvHeader()}`;
      const memo: PathPartMemo = newPathPartMemo();
      // Formats a batch; its rows objects die here, young, once the text is made.
      const format = (batch: ExportContractRow[]): string => {
        const lines = batch.flatMap((row) => mailingRows(row, exposures, referenceDate!, memo));
        rows += lines.length;
        contracts += batch.length;
        return request.format === 'csv' ? csvLines(lines, categoryNames) : jsonLines(lines);
      };
      let batch: ExportContractRow[] | null = prepared.first.done ? null : prepared.first.value;
      while (batch !== null) {
        // One batch ahead: Neo4j reads the next batch while this one is formatted and sent, so
        // the export runs at the pace of the slower of the two, not their sum (two batches held).
        const following = batches.next();
        following.catch(() => undefined); // awaited below; an abort meanwhile must not leave it unhandled
        let text: string | null = format(batch);
        // Let go of this batch and its text before waiting: whatever the generator still holds
        // while the next batch is decoded outlives V8's young collections and is promoted, and
        // the old generation then grows with the export until a full collection.
        batch = null;
        yield text;
        text = null;
        const next: IteratorResult<ExportContractRow[], void> = await following;
        batch = next.done ? null : next.value;
      }
      // The record comes before the end line: a file that says it is complete was audited.
      audited = true;
      await recordExportAttempt(ctx, query, 'READ', rows, null);
      ending = 'complete';
      yield endLine(request.format, { rows, contracts, breachId: request.breachId, referenceDate: referenceDate ?? '' });
    } catch (e) {
      // A consumer that stops reading destroys the stream; Node then throws an AbortError into the
      // generator (or returns it): either way the client went away, nothing failed.
      // The stream being already destroyed says the same whatever error Node chose to throw in:
      // a failure of ours reaches the stream only after this catch.
      if (isAbort(e) || stream.destroyed) throw e;
      failure = e;
      ending = 'failed';
      ctx.logger.error({ err: e, rows, contracts }, 'mailing export failed mid-stream');
      throw isAppError(e) ? e : new AppError('INTERNAL', 'An internal error occurred.');
    } finally {
      await batches.return(undefined).catch(() => undefined);
      if (!audited) {
        const code = failure === null ? null : refusalOf(failure).code;
        const reason = failure === null ? `aborted by the client after ${rows} rows (${contracts} contracts)` : `failed after ${rows} rows (${contracts} contracts)`;
        await recordExportAttempt(ctx, query, 'READ', rows, { code, reason }).catch((auditError) =>
          ctx.logger.error({ err: auditError }, 'audit record of an unfinished export failed'),
        );
      }
      releaseHeapGrowth();
      settle({ rows, contracts, ending });
    }
  }
  // Bytes, not objects, with a small buffer: what is buffered ahead of the socket stays one batch.
  const stream = Readable.from(body(), { objectMode: false, highWaterMark: 64 * 1024 });
  return { stream, done };
}
