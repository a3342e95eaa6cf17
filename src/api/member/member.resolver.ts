import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { AuditAttempt } from '../audit/audit-attempt';
import { AppError } from '../../errors/app-error';
import type { RequestContext } from '../context';
import { allOf } from '../loader-helpers';
import { maskNir } from '../../identity/nir';
import { pseudonymizeNir } from '../../identity/pseudonym';
import type { BreachRow } from '../../domain/breach/breach.rows';
import { Breach } from '../breach/breach.type';
import { listBreaches } from '../../domain/breach/breach.repository';
import type { DataCategoryRow } from '../../domain/catalogue/catalogue.rows';
import { DataCategory } from '../catalogue/catalogue.type';
import { memberContracts, memberExposure } from '../../domain/contract/contract.repository';
import type { ContractRow } from '../../domain/contract/contract.rows';
import { ImpactPath } from '../impact/impact.type';
import { MemberExposureArgs } from './member.args';
import { MemberBreachExposure, MemberExposure } from './member.type';
import { loadPaths, requireBreach, requireCategory } from '../require';
import type { PathRoot } from '../../domain/impact/breakdown';

interface BreachExposureRoot {
  breachId: string;
  contract: ContractRow;
  paths: PathRoot[];
}
interface MemberExposureRoot {
  contracts: Array<{ contract: ContractRow; role: string }>;
  exposures: BreachExposureRoot[];
}

/** `memberExposure`: one member of the calling insurer, by NIR. */
@Resolver(() => MemberExposure)
export class MemberExposureResolver {
  @Authorized()
  @UseMiddleware(AuditAttempt)
  @Query(() => MemberExposure, { description: 'Which breaches expose one of your members (INSURER token), through which path, with which categories. Audited. BAD_USER_INPUT for an invalid NIR (masked in the message); NOT_FOUND when the NIR is not one of your members.' })
  async memberExposure(@Args(() => MemberExposureArgs) { nir }: MemberExposureArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<MemberExposureRoot> {
    const tenant = ctx.tenant!;
    const pseudonym = pseudonymizeNir(nir, ctx.pseudonymKey);
    const contracts = await memberContracts(ctx.db, pseudonym, tenant);
    if (contracts.length === 0) {
      await ctx.audit.read(info, { nir }, 0);
      throw new AppError('NOT_FOUND', `No member of ${tenant} has the NIR ${maskNir(nir)}.`);
    }
    const breaches = await listBreaches(ctx.db);
    const answers = await Promise.all(breaches.map((b) => loadPaths(ctx, { breachId: b.id, asOf: null })));
    const requests = answers.flatMap((a) => (a.referenceDate ? [{ breachId: a.breachId, referenceDate: a.referenceDate, paths: a.paths.filter((p) => p.populationKind === 'INSURED') }] : []));
    const rows = await memberExposure(ctx.db, { tenant, contractIds: contracts.map((c) => c.contract.id), requests });
    const grouped = new Map<string, BreachExposureRoot>();
    for (const r of rows) {
      const key = `${r.breachId}|${r.contractId}`;
      const entry = grouped.get(key) ?? { breachId: r.breachId, contract: contracts.find((c) => c.contract.id === r.contractId)!.contract, paths: [] };
      entry.paths.push({ ...r.path, breachId: r.breachId });
      grouped.set(key, entry);
    }
    const exposures = [...grouped.values()];
    // The NIR argument is redacted in the record; the row count is what the member saw.
    await ctx.audit.read(info, { nir }, exposures.length);
    return { contracts, exposures };
  }

  @FieldResolver(() => [MemberBreachExposure], { description: 'Each breach exposing the member, per contract.' })
  breaches(@Root() root: MemberExposureRoot): BreachExposureRoot[] {
    return root.exposures;
  }
}

/** Relation fields of a member's breach exposure. */
@Resolver(() => MemberBreachExposure)
export class MemberBreachExposureResolver {
  @FieldResolver(() => Breach, { description: 'The breach.' })
  breach(@Root() r: BreachExposureRoot, @Ctx() ctx: RequestContext): BreachRow | Promise<BreachRow> {
    return requireBreach(ctx, r.breachId);
  }

  @FieldResolver(() => [ImpactPath], { description: 'The paths reaching the contract.' })
  paths(@Root() r: BreachExposureRoot): PathRoot[] {
    return r.paths;
  }

  @FieldResolver(() => [DataCategory], { description: 'The member’s data categories this breach exposed.' })
  exposedCategories(@Root() r: BreachExposureRoot, @Ctx() ctx: RequestContext): DataCategoryRow[] | Promise<DataCategoryRow[]> {
    return allOf([...new Set(r.paths.flatMap((p) => p.exposedCategoryIds))].map((id) => requireCategory(ctx, id)));
  }
}
