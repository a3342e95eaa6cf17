import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../../graphql/context';
import { requireBreach } from '../breach/breach.resolver';
import type { BreachRow } from '../breach/breach.rows';
import { Breach } from '../breach/breach.type';
import { requireCategory } from '../catalogue/catalogue.resolver';
import type { DataCategoryRow } from '../catalogue/catalogue.rows';
import { DataCategory } from '../catalogue/catalogue.type';
import { checkDate } from '../common/date';
import { loadPaths, PathRoot } from '../impact/impact.resolver';
import { impactKey } from '../impact/impact.repository';
import { ImpactPath } from '../impact/impact.type';
import { requireOrganization } from '../organization/organization.resolver';
import type { OrganizationRow } from '../organization/organization.rows';
import { Organization } from '../organization/organization.type';
import { AffectedContractsArgs, MAX_PAGE } from './contract.args';
import { affectedContractsPage } from './contract.repository';
import type { AffectedContractRow, ContractRow } from './contract.rows';
import { AffectedContract, AffectedContractConnection, Contract } from './contract.type';
import { decodeCursor, encodeCursor } from './cursor';

interface ConnectionRoot {
  edges: Array<{ cursor: string; node: AffectedContractRoot }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  referenceDate: string | null;
  insurerId: string;
  breachId: string;
  asOf: string | null;
}
interface AffectedContractRoot {
  contract: ContractRow;
  breachId: string;
  paths: PathRoot[];
  beneficiaryCount: number;
  dependantCount: number;
}

/** `affectedContracts`: an insurer's contracts reached by a breach, page by page. */
@Resolver(() => AffectedContractConnection)
export class AffectedContractsResolver {
  @Query(() => AffectedContractConnection, { description: 'A page of one insurer’s contracts reached by a breach, each with its paths and exposed categories. NOT_FOUND for an unknown insurer or breach; BAD_USER_INPUT for a bad page size or cursor.' })
  async affectedContracts(@Args(() => AffectedContractsArgs) args: AffectedContractsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionRoot> {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) throw badInput('first', args.first, `must be between 1 and ${MAX_PAGE}`);
    const after = decodeCursor(args.after);
    const asOf = checkDate('asOf', args.asOf);
    const [insurer] = await Promise.all([requireOrganization(ctx, args.insurerId), requireBreach(ctx, args.breachId)]);
    if (!insurer.roles.includes('INSURER') && !insurer.roles.includes('BROKER')) {
      throw badInput('insurerId', args.insurerId, `is ${insurer.name}, which holds no insurer role (${insurer.roles.join(', ') || 'none'})`);
    }
    const answer = await loadPaths(ctx, { breachId: args.breachId, asOf });
    const paths = answer.paths.filter((p) => p.controllerId === args.insurerId && p.populationKind === 'INSURED');
    const base = { insurerId: args.insurerId, breachId: args.breachId, asOf, referenceDate: answer.referenceDate };
    if (answer.referenceDate === null || paths.length === 0) return { ...base, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const rows = await affectedContractsPage(ctx.db, { insurerId: args.insurerId, referenceDate: answer.referenceDate, paths, after, limit: args.first + 1 });
    // One row more than asked says whether another page follows, without a count query.
    const page = rows.slice(0, args.first);
    const edges = page.map((r: AffectedContractRow) => ({
      cursor: encodeCursor(r.contract.id),
      node: {
        contract: r.contract,
        breachId: args.breachId,
        paths: r.paths.map((p) => ({ ...p, breachId: args.breachId })),
        beneficiaryCount: r.beneficiaryCount,
        dependantCount: r.dependants,
      },
    }));
    return { ...base, edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @FieldResolver(() => Int, { description: 'How many of the insurer’s contracts the breach reaches in all (every page).' })
  async totalCount(@Root() root: ConnectionRoot, @Ctx() ctx: RequestContext): Promise<number> {
    const agg = await ctx.loaders.contractAggregates.load(impactKey({ breachId: root.breachId, asOf: root.asOf }));
    return agg?.byInsurer.find((r) => r.id === root.insurerId)?.contracts ?? 0;
  }
}

/** Relation fields of an affected contract. */
@Resolver(() => AffectedContract)
export class AffectedContractResolver {
  @FieldResolver(() => Breach, { description: 'The breach reaching it.' })
  breach(@Root() r: AffectedContractRoot, @Ctx() ctx: RequestContext): Promise<BreachRow> {
    return requireBreach(ctx, r.breachId);
  }

  @FieldResolver(() => [ImpactPath], { description: 'The paths reaching it (partner = its care network when it has one).' })
  paths(@Root() r: AffectedContractRoot): PathRoot[] {
    return r.paths;
  }

  @FieldResolver(() => [DataCategory], { description: 'Categories of its people’s data the breach exposed (union over its paths).' })
  exposedCategories(@Root() r: AffectedContractRoot, @Ctx() ctx: RequestContext): Promise<DataCategoryRow[]> {
    const ids = [...new Set(r.paths.flatMap((p) => p.exposedCategoryIds))];
    return Promise.all(ids.map((id) => requireCategory(ctx, id)));
  }
}

/** Relation fields of a contract. */
@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => Organization, { description: 'The insurer holding it.' })
  insurer(@Root() c: ContractRow, @Ctx() ctx: RequestContext): Promise<OrganizationRow> {
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
