import type { GraphQLResolveInfo } from 'graphql';
import { visibleToTenant } from '../../db/reach';
import { affectedContractsPage, AffectedContractsPage } from '../../domain/contract/contract.repository';
import type { AffectedContractRow } from '../../domain/contract/contract.rows';
import type { ImpactPathRow, ImpactPathsRow } from '../../domain/impact/impact.rows';
import { storedSummaryOf } from '../../domain/impact/stored-summaries';
import { summaryCacheOf, type ParsedSummary, type SummaryCache } from '../../domain/impact/summary-cache';
import type { RequestContext } from '../context';
import { loadPaths, requireBreach } from '../require';

/** What a page is read on: the breach's reference date, the tenant's insured paths, and how they were chosen. */
interface Basis {
  referenceDate: string | null;
  paths: ImpactPathRow[];
  /**
   * What was assumed, not read, to choose them (null: this request read all it used): the
   * catalogue version of the rows held (tenant, breach) and the stored summary's version. The
   * page's statement must find both unchanged, or its rows are not used.
   */
  /** What was assumed, with the parsed summary itself (it answers a page that confirms its version). */
  assumed: { catalogueVersion: string; summaryVersion: string; summary: ParsedSummary } | null;
}

/** One page's question, as the resolver checked it. */
export interface ContractPageQuery {
  breachId: string;
  asOf: string | null;
  after: string | null;
  /** Only contracts whose number starts with it, case-insensitively (checked by checkSearch); null: all. */
  search: string | null;
  /** The page size; one row more is read to tell whether a page follows. */
  first: number;
  /** The field's arguments, for the audit record (redacted there). */
  args: Record<string, unknown>;
}

/** The tenant's paths through which contracts are reached: its own (tenant filter) and about insured people. */
function insuredPaths(answer: ImpactPathsRow, tenant: string): Pick<Basis, 'referenceDate' | 'paths'> {
  return { referenceDate: answer.referenceDate, paths: answer.paths.filter((p) => visibleToTenant(p, tenant) && p.populationKind === 'INSURED') };
}

/**
 * The basis from what this process already holds, with no statement: the tenant's and the
 * breach's rows at the catalogue version the request may assume, and the breach's parsed stored
 * summary. Synchronous, so all of it is at one catalogue version. Null when anything is not held
 * (or a date other than the reference date is asked for, which has no stored summary).
 */
function assumedBasis(ctx: RequestContext, tenant: string, q: ContractPageQuery): Basis | null {
  if (q.asOf !== null) return null;
  const catalogueVersion = ctx.catalogueVersion.assumed();
  if (catalogueVersion === undefined || !ctx.tenantCheck.passesAssumed() || !ctx.loaders.breach.peekAssumed(q.breachId)) return null;
  const parsed = summaryCacheOf(ctx.executor).latest(q.breachId);
  if (!parsed?.paths) return null;
  return { ...insuredPaths(parsed.paths, tenant), assumed: { catalogueVersion, summaryVersion: parsed.version, summary: parsed } };
}

/** The basis as any other field reads it: the full tenant check, the breach (NOT_FOUND) and its paths, at the version this request reads. */
async function confirmedBasis(ctx: RequestContext, tenant: string, q: ContractPageQuery): Promise<Basis> {
  await ctx.tenantCheck();
  // Both at once: loadPaths answers null for an unknown breach, which requireBreach reports.
  const [, answer] = await Promise.all([requireBreach(ctx, q.breachId), loadPaths(ctx, { breachId: q.breachId, asOf: q.asOf })]);
  return { ...insuredPaths(answer, tenant), assumed: null };
}

/**
 * Reads one page of the tenant's affected contracts (contract/affected-contracts-page), then
 * records the read in the audit trail (audit/append-events, with the next group commit): the
 * record is committed before any row leaves, and if it cannot be, the read fails. In the steady
 * state the page needs nothing else: the tenant's and the breach's catalogue rows and the breach's
 * stored paths are those the process holds, and the page's statement confirms that they are
 * current (the catalogue version and the summary version it returns). The paths the rows were
 * read on come back with them, for a count of the same contracts (a search's `totalCount`). When either moved, its rows
 * are dropped and the page is read again on what this request reads itself, as any other field
 * does; only the page whose rows are returned is recorded.
 */
export async function readContractPage(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  q: ContractPageQuery,
): Promise<{ referenceDate: string | null; paths: ImpactPathRow[]; rows: AffectedContractRow[] }> {
  const tenant = ctx.tenant!;
  const cache = summaryCacheOf(ctx.executor);
  let basis = assumedBasis(ctx, tenant, q) ?? (await confirmedBasis(ctx, tenant, q));
  let held = heldFor(cache, q.breachId, basis);
  let page = await readPage(ctx, tenant, q, basis, held);
  if (basis.assumed && (page.catalogueVersion !== basis.assumed.catalogueVersion || page.summary.version !== basis.assumed.summaryVersion)) {
    // Keep what the statement found (a newer summary is parsed once, for every later request), then read afresh.
    if (page.summary.paths !== null) storedSummaryOf(q.breachId, page.summary, tenant, cache);
    basis = await confirmedBasis(ctx, tenant, q);
    held = heldFor(cache, q.breachId, basis);
    page = await readPage(ctx, tenant, q, basis, held);
  }
  await ctx.audit.read(info, q.args, Math.min(page.rows.length, q.first));
  // The catalogue version came with the rows: the fields below answer from rows at it, with no statement of their own.
  ctx.catalogueVersion.adopt(page.catalogueVersion);
  if (q.asOf === null) ctx.loaders.storedSummary.prime(q.breachId, storedSummaryOf(q.breachId, page.summary, tenant, cache, null, held));
  return { referenceDate: basis.referenceDate, paths: basis.referenceDate === null ? [] : basis.paths, rows: page.rows };
}

/**
 * The parsed summary the page's statement is told it knows (its `$known`): the one assumed, else
 * the one the cache holds now. Kept by the request, so that a reply without the JSON is read from
 * it even if another request replaced the cache's entry meanwhile (SummaryCache.hold).
 */
function heldFor(cache: SummaryCache, breachId: string, basis: Basis): ReadonlyMap<string, ParsedSummary> {
  return basis.assumed ? new Map([[breachId, basis.assumed.summary]]) : cache.hold([breachId]).held;
}

/** The page on `basis`, with the catalogue version and stored summary to check its assumptions against. */
function readPage(ctx: RequestContext, tenant: string, q: ContractPageQuery, basis: Basis, held: ReadonlyMap<string, ParsedSummary>): Promise<AffectedContractsPage> {
  // It reads the catalogue version itself: no read of it beside (see RequestContext.versionedDb).
  return affectedContractsPage(ctx.versionedDb, {
    tenant,
    breachId: q.breachId,
    referenceDate: basis.referenceDate,
    paths: basis.referenceDate === null ? [] : basis.paths,
    after: q.after,
    search: q.search,
    limit: q.first + 1,
    known: Object.fromEntries([...held].map(([id, parsed]) => [id, parsed.version])),
  });
}
