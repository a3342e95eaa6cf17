import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { AuditAttempt } from '../audit/audit-attempt';
import { AppError, badInput } from '../../errors/app-error';
import type { RequestContext } from '../context';
import type { BreachRow } from '../../domain/breach/breach.rows';
import { Breach, Exposure } from '../breach/breach.type';
import type { ExposureRow } from '../../domain/breach/breach.rows';
import type { DataCategoryRow } from '../../domain/catalogue/catalogue.rows';
import { DataCategory } from '../catalogue/catalogue.type';
import { checkDate } from '../../domain/common/date';
import { impactKey } from '../../domain/impact/impact.repository';
import { ImpactPath } from '../impact/impact.type';
import type { OrganizationRow } from '../../domain/organization/organization.rows';
import { Organization } from '../organization/organization.type';
import { AffectedContractsArgs, checkSearch, MAX_PAGE } from './contract.args';
import { ClientBasisEnum } from './client-basis.enum';
import { clientBasis, type ClientBasis } from '../../domain/contract/client-basis';
import { affectedContractsSearchCount } from '../../domain/contract/contract.repository';
import type { ImpactPathRow } from '../../domain/impact/impact.rows';
import { countFreshness, SUMMARIES_CURRENT } from '../../domain/impact/count-freshness';
import { readContractPage } from './contract-page';
import type { AffectedContractRow, ContractRow } from '../../domain/contract/contract.rows';
import { AffectedContract, AffectedContractConnection, AffectedContractEdge, Contract } from './contract.type';
import { decodeCursor, encodeCursor } from '../../domain/contract/cursor';
import { confirmedExposures, exposuresOfContract } from '../../domain/contract/contract-exposures';
import { loadFreshness, requireBreach, requireCategory, requireOrganization } from '../require';
import { CountFreshness } from '../common/count-freshness.type';
import type { CountFreshness as CountFreshnessRow } from '../../domain/impact/count-freshness';
import type { PathRoot } from '../../domain/impact/breakdown';

/** An edge: its cursor is sealed only when asked for (see AffectedContractEdgeResolver), then kept. */
interface EdgeRoot {
  contractId: string;
  /** Set by {@link sealedCursor}. */
  cursor?: string;
  node: AffectedContractRoot;
}

/** The edge's cursor, sealed once: `pageInfo.endCursor` and the last edge's `cursor` are the same string, as Relay has it. */
function sealedCursor(e: EdgeRoot, key: Buffer): string {
  e.cursor ??= encodeCursor(e.contractId, key);
  return e.cursor;
}
interface ConnectionRoot {
  edges: EdgeRoot[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  referenceDate: string | null;
  insurerId: string;
  breachId: string;
  asOf: string | null;
  /** The checked `search` (null: none); with one, `totalCount` is counted live on `paths`. */
  search: string | null;
  /** The tenant's paths the page was read on. */
  paths: ImpactPathRow[];
}
interface AffectedContractRoot {
  contract: ContractRow;
  breachId: string;
  /** The date the contract was reached on (a page has rows only when the breach has one). */
  referenceDate: string;
  paths: PathRoot[];
  beneficiaryCount: number;
  dependantCount: number;
}

/**
 * The breach's exposures (insured people) of the categories the contract's paths carry, in the
 * breach's order: the status, scope and confidence travel with each category.
 */
async function contractExposures(r: AffectedContractRoot, ctx: RequestContext): Promise<ExposureRow[]> {
  return exposuresOfContract(await ctx.loaders.exposures.load(r.breachId), r.paths.flatMap((p) => p.exposedCategoryIds));
}

/** `affectedContracts`: an insurer's contracts reached by a breach, page by page. */
@Resolver(() => AffectedContractConnection)
export class AffectedContractsResolver {
  @Authorized()
  @UseMiddleware(AuditAttempt)
  @Query(() => AffectedContractConnection, { description: 'A page of your (INSURER token) contracts reached by a breach, each with its paths and exposed categories. Every read is audited. NOT_FOUND for an unknown breach; BAD_USER_INPUT for a bad page size or cursor; FORBIDDEN for another insurer’s id.' })
  async affectedContracts(@Args(() => AffectedContractsArgs) args: AffectedContractsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionRoot> {
    // The tenant comes from the token; an argument can only repeat it, never choose another.
    const tenant = ctx.tenant!;
    // Refusals here and below are recorded by AuditAttempt, with their code.
    if (args.insurerId && args.insurerId !== tenant) {
      throw new AppError('FORBIDDEN', `Your token is for ${tenant}; it cannot read the contracts of ${args.insurerId}.`);
    }
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) throw badInput('first', args.first, `must be between 1 and ${MAX_PAGE}`);
    const after = decodeCursor(args.after, ctx.cursorKey);
    const asOf = checkDate('asOf', args.asOf);
    const search = checkSearch(args.search);
    const { referenceDate, paths, rows } = await readContractPage(ctx, info, { breachId: args.breachId, asOf, after, search, first: args.first, args: { ...args } });
    const base = { insurerId: tenant, breachId: args.breachId, asOf, referenceDate, search, paths };
    // One row more than asked says whether another page follows, without a count query. The
    // read is already recorded in the audit trail, in the transaction that read the rows.
    const page = rows.slice(0, args.first);
    const edges = page.map((r: AffectedContractRow) => ({
      contractId: r.contract.id,
      node: {
        contract: r.contract,
        breachId: args.breachId,
        // Rows come only from paths reached on a reference date.
        referenceDate: referenceDate!,
        paths: r.paths.map((p) => ({ ...p, breachId: args.breachId })),
        beneficiaryCount: r.beneficiaryCount,
        dependantCount: r.dependants,
      },
    }));
    const last = edges.at(-1);
    return { ...base, edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: last ? sealedCursor(last, ctx.cursorKey) : null } };
  }

  @FieldResolver(() => Int, { description: 'How many of the insurer’s contracts the breach reaches in all (every page); with `search`, how many of them match it (counted live in the graph).' })
  async totalCount(@Root() root: ConnectionRoot, @Ctx() ctx: RequestContext): Promise<number> {
    if (root.search !== null) {
      if (root.referenceDate === null) return 0;
      return affectedContractsSearchCount(ctx.db, { tenant: root.insurerId, referenceDate: root.referenceDate, paths: root.paths, search: root.search });
    }
    const agg = await ctx.loaders.contractAggregates.load(impactKey({ breachId: root.breachId, asOf: root.asOf }));
    return agg?.byInsurer.find((r) => r.id === root.insurerId)?.contracts ?? 0;
  }

  @FieldResolver(() => CountFreshness, { description: 'Whether `totalCount` is current (the rows of a page always are: they are read from the graph). False while the maintained summaries lag behind a committed write whose refresh is pending; with `search`, a live count, current.' })
  async freshness(@Root() root: ConnectionRoot, @Ctx() ctx: RequestContext): Promise<CountFreshnessRow> {
    if (root.search !== null) return countFreshness('LIVE_COUNT', SUMMARIES_CURRENT);
    return loadFreshness(ctx, { breachId: root.breachId, asOf: root.asOf });
  }
}

/** The cursor of an edge. */
@Resolver(() => AffectedContractEdge)
export class AffectedContractEdgeResolver {
  // Sealing a cursor costs a random IV and an AES-GCM pass: made per edge only when the query
  // asks for edges' cursors (a page usually reads pageInfo.endCursor alone).
  @FieldResolver(() => String, { description: 'Opaque cursor: pass it as `after` to get the contracts following this one.' })
  cursor(@Root() e: EdgeRoot, @Ctx() ctx: RequestContext): string {
    return sealedCursor(e, ctx.cursorKey);
  }
}

/** Relation fields of an affected contract. */
@Resolver(() => AffectedContract)
export class AffectedContractResolver {
  @FieldResolver(() => Breach, { description: 'The breach reaching it.' })
  breach(@Root() r: AffectedContractRoot, @Ctx() ctx: RequestContext): BreachRow | Promise<BreachRow> {
    return requireBreach(ctx, r.breachId);
  }

  @FieldResolver(() => ClientBasisEnum, {
    description:
      'Whether its people were still your clients on the reference date: FORMER when the contract had ended before it (the mailing export’s `client_basis`, the same rule). Not the paths’ `basis`: a RETAINED path says the operator kept data after your flow to it had ended, whether or not the contract still runs.',
  })
  clientBasis(@Root() r: AffectedContractRoot): ClientBasis {
    return clientBasis(r.contract, r.referenceDate);
  }

  @FieldResolver(() => [ImpactPath], { description: 'The paths reaching it (partner = its care network when it has one).' })
  paths(@Root() r: AffectedContractRoot): PathRoot[] {
    return r.paths;
  }

  @FieldResolver(() => [DataCategory], { description: 'Categories of its people’s data the breach is stated to have EXPOSED for all insured people (scope ALL), union over its paths. Claimed ones and those stated for some insurers only are not listed here: see `exposures`.' })
  async exposedCategories(@Root() r: AffectedContractRoot, @Ctx() ctx: RequestContext): Promise<DataCategoryRow[]> {
    const ids = confirmedExposures(await contractExposures(r, ctx)).map((x) => x.categoryId);
    return Promise.all(ids.map((id) => requireCategory(ctx, id)));
  }

  @FieldResolver(() => [Exposure], { description: 'Every exposure of the breach about its people’s data (insured people) that its paths carry, each with status (EXPOSED or CLAIMED), scope (ALL or SOME_INSURERS…), source and confidence: the record’s caveats, down to the contract.' })
  exposures(@Root() r: AffectedContractRoot, @Ctx() ctx: RequestContext): Promise<ExposureRow[]> {
    return contractExposures(r, ctx);
  }
}

/** Relation fields of a contract. */
@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => Organization, { description: 'The insurer holding it.' })
  insurer(@Root() c: ContractRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, c.insurerId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The tiers-payant operator serving it, when known.' })
  async operator(@Root() c: ContractRow, @Ctx() ctx: RequestContext): Promise<OrganizationRow | null> {
    return c.operatorId ? requireOrganization(ctx, c.operatorId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The care network it goes through, when any.' })
  async network(@Root() c: ContractRow, @Ctx() ctx: RequestContext): Promise<OrganizationRow | null> {
    return c.networkId ? requireOrganization(ctx, c.networkId) : null;
  }
}
