import { Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../context';
import { allOf, required } from '../loader-helpers';
import type { BreachRow, ReportedFigureRow } from '../../domain/breach/breach.rows';
import { Breach, ReportedFigure } from '../breach/breach.type';
import type { DataCategoryRow, DataFlowRow, PopulationRow, SystemRow } from '../../domain/catalogue/catalogue.rows';
import { DataCategory, DataFlow, Population, System } from '../catalogue/catalogue.type';
import { checkDate, LocalDate } from '../../domain/common/date';
import { ReferenceDateBasis } from '../../domain/common/enums';
import type { OrganizationRow } from '../../domain/organization/organization.rows';
import { Organization } from '../organization/organization.type';
import { AffectedInsurersArgs, BreachImpactArgs, ImpactOfBreachArgs, ImpactPathsArgs } from './impact.args';
import {
  affectedInsurers,
  AffectedInsurerRoot,
  byCategoryOf,
  byInsurerOf,
  byPartnerOf,
  CategoryImpactRoot,
  hopsOf,
  InsurerImpactRoot,
  PartnerImpactRoot,
  PathRoot,
  populationSizes,
  totalsOf,
  TotalsRoot,
  uniq,
  withBreach,
} from '../../domain/impact/breakdown';
import { AffectedInsurer, BreachImpact, CategoryImpact, ImpactPath, ImpactTotals, InsurerImpact, PartnerImpact, PathHop } from './impact.type';
import { ImpactRoot, loadAggregates, loadPaths, requireBreach, requireCategory, requireOrganization, requirePopulation, requireSystem } from '../require';

const MAX_BREACHES = 20;

/** `breachImpact`, `affectedInsurers` and `Breach.impact`. */
@Resolver(() => BreachImpact)
export class BreachImpactResolver {
  @Authorized()
  @Query(() => BreachImpact, { description: 'Who is affected by a breach and through which partner: totals (people counted once), by insurer, by operator or care network, by data category, and the paths. NOT_FOUND for an unknown breach.' })
  async breachImpact(@Args(() => BreachImpactArgs) { breachId, asOf }: BreachImpactArgs, @Ctx() ctx: RequestContext): Promise<ImpactRoot> {
    const root = { breachId, asOf: checkDate('asOf', asOf) };
    await loadPaths(ctx, root);
    return root;
  }

  @Authorized()
  @Query(() => [AffectedInsurer], { description: 'Insurers reached by any of the given breaches, with the breaches and paths reaching each — e.g. which insurers were hit through Viamedis, through Almerys, or both.' })
  async affectedInsurers(@Args(() => AffectedInsurersArgs) { breachIds, asOf }: AffectedInsurersArgs, @Ctx() ctx: RequestContext): Promise<AffectedInsurerRoot[]> {
    if (breachIds.length === 0 || breachIds.length > MAX_BREACHES) throw badInput('breachIds', breachIds.length, `give 1 to ${MAX_BREACHES} breach ids`);
    const date = checkDate('asOf', asOf);
    const ids = uniq(breachIds);
    return affectedInsurers(ids, await Promise.all(ids.map((breachId) => loadPaths(ctx, { breachId, asOf: date }))));
  }

  @FieldResolver(() => Breach, { description: 'The breach.' })
  breach(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): BreachRow | Promise<BreachRow> {
    return requireBreach(ctx, root.breachId);
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: 'The date the answer is computed for; null when the breach has no dated event and no asOf was given (then nothing is counted).' })
  async referenceDate(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await loadPaths(ctx, root)).referenceDate;
  }

  @FieldResolver(() => ReferenceDateBasis, { description: 'Where the reference date comes from.' })
  async referenceDateBasis(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<string> {
    return (await loadPaths(ctx, root)).referenceDateBasis;
  }

  @FieldResolver(() => ImpactTotals, { description: 'Totals.' })
  async totals(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<TotalsRoot> {
    const [paths, agg] = await Promise.all([loadPaths(ctx, root), loadAggregates(ctx, root)]);
    return totalsOf(paths, agg);
  }

  @FieldResolver(() => [InsurerImpact], { description: 'Per insurer (data controller of insured people), most people first; insurers with no contract in the graph show 0 people.' })
  async byInsurer(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<InsurerImpactRoot[]> {
    const [paths, agg] = await Promise.all([loadPaths(ctx, root), loadAggregates(ctx, root)]);
    return byInsurerOf(paths, agg);
  }

  @FieldResolver(() => [PartnerImpact], { description: 'Per partner the data went through: the operator(s) whose system was hit, then care networks.' })
  async byPartner(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<PartnerImpactRoot[]> {
    const [paths, agg] = await Promise.all([loadPaths(ctx, root), loadAggregates(ctx, root)]);
    return byPartnerOf(paths, agg);
  }

  @FieldResolver(() => [CategoryImpact], { description: 'Per exposed data category, most people first.' })
  async byCategory(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<CategoryImpactRoot[]> {
    const [paths, agg] = await Promise.all([loadPaths(ctx, root), loadAggregates(ctx, root)]);
    return byCategoryOf(paths, agg);
  }

  @FieldResolver(() => [ImpactPath], { description: 'Every path from the breach to a population, each hop with its GDPR role; filter by population kind or controller.' })
  async paths(@Root() root: ImpactRoot, @Args(() => ImpactPathsArgs) args: ImpactPathsArgs, @Ctx() ctx: RequestContext): Promise<PathRoot[]> {
    const paths = withBreach(await loadPaths(ctx, root));
    return paths.filter((p) => (!args.populationKind || p.populationKind === args.populationKind) && (!args.controllerId || p.controllerId === args.controllerId));
  }

  @FieldResolver(() => [ReportedFigure], { description: 'Figures reported about the breach, to set beside the graph’s own counts.' })
  reportedFigures(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<ReportedFigureRow[]> {
    return ctx.loaders.reportedFigures.load(root.breachId);
  }
}

/** Population figures of the totals: they need every population row, so only when selected. */
@Resolver(() => ImpactTotals)
export class ImpactTotalsResolver {
  @FieldResolver(() => Int, { description: 'Distinct populations reached (insured and professional).' })
  populations(@Root() t: TotalsRoot): number {
    return t.populationIds.length;
  }

  @FieldResolver(() => Int, { description: 'Populations reached whose size the record does not give.' })
  async populationsOfUnknownSize(@Root() t: TotalsRoot, @Ctx() ctx: RequestContext): Promise<number> {
    return (await sizedPopulations(ctx, t)).unknown;
  }

  @FieldResolver(() => Number, { nullable: true, description: 'Sum of the reported sizes of the populations reached that have one; a partial figure, since others are unknown and populations may overlap. Null when none has a size.' })
  async reportedPopulationSizeSum(@Root() t: TotalsRoot, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await sizedPopulations(ctx, t)).sum;
  }
}

async function sizedPopulations(ctx: RequestContext, t: TotalsRoot): Promise<{ unknown: number; sum: number | null }> {
  const populations = await Promise.all(t.populationIds.map((id) => requirePopulation(ctx, id)));
  return populationSizes(populations.map((p) => p.size));
}

/** `Breach.impact`: the same answer reached from the catalogue. */
@Resolver(() => Breach)
export class BreachImpactFieldResolver {
  @Authorized()
  @FieldResolver(() => BreachImpact, { description: 'Who is affected by this breach and through which partner (as `breachImpact`).' })
  impact(@Root() b: BreachRow, @Args(() => ImpactOfBreachArgs) { asOf }: ImpactOfBreachArgs): ImpactRoot {
    return { breachId: b.id, asOf: checkDate('asOf', asOf) };
  }
}

/** Relation fields of an impact path. */
@Resolver(() => ImpactPath)
export class ImpactPathResolver {
  @FieldResolver(() => [PathHop], { description: 'The hops, breach first, population last.' })
  hops(@Root() p: PathRoot): PathHop[] {
    return hopsOf(p);
  }

  @FieldResolver(() => System, { description: 'The compromised system holding the data.' })
  system(@Root() p: PathRoot, @Ctx() ctx: RequestContext): SystemRow | Promise<SystemRow> {
    return requireSystem(ctx, p.systemId);
  }

  @FieldResolver(() => Organization, { description: 'The operator running that system.' })
  operator(@Root() p: PathRoot, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, p.operatorId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The care network or other partner the data went through, if any.' })
  partner(@Root() p: PathRoot, @Ctx() ctx: RequestContext): OrganizationRow | null | Promise<OrganizationRow | null> {
    const id = p.viaId ?? p.networkId ?? null;
    return id === null ? null : requireOrganization(ctx, id);
  }

  @FieldResolver(() => Organization, { description: 'The GDPR controller of the data (the insurer, for insured people).' })
  controller(@Root() p: PathRoot, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, p.controllerId);
  }

  @FieldResolver(() => Population, { description: 'Whose data.' })
  population(@Root() p: PathRoot, @Ctx() ctx: RequestContext): PopulationRow | Promise<PopulationRow> {
    return requirePopulation(ctx, p.populationId);
  }

  @FieldResolver(() => DataFlow, { description: 'The data flow behind the path (lineage edge).' })
  flow(@Root() p: PathRoot, @Ctx() ctx: RequestContext): DataFlowRow | Promise<DataFlowRow> {
    return required(ctx.loaders.dataFlow, p.flowId, 'data flow');
  }

  @FieldResolver(() => [DataCategory], { description: 'Categories the breach exposed for these data subjects among those the flow carries.' })
  exposedCategories(@Root() p: PathRoot, @Ctx() ctx: RequestContext): DataCategoryRow[] | Promise<DataCategoryRow[]> {
    return allOf(p.exposedCategoryIds.map((id) => requireCategory(ctx, id)));
  }
}

/** Relation fields of a hop. */
@Resolver(() => PathHop)
export class PathHopResolver {
  @FieldResolver(() => String, { description: 'Name of the breach, system, organisation or population.' })
  name(@Root() hop: PathHop, @Ctx() ctx: RequestContext): string | Promise<string> {
    const row =
      hop.kind === 'BREACH'
        ? requireBreach(ctx, hop.id)
        : hop.kind === 'SYSTEM'
          ? requireSystem(ctx, hop.id)
          : hop.kind === 'POPULATION'
            ? requirePopulation(ctx, hop.id)
            : requireOrganization(ctx, hop.id);
    return row instanceof Promise ? row.then((r) => r.name) : row.name;
  }
}

/** Relation fields of an insurer's share. */
@Resolver(() => InsurerImpact)
export class InsurerImpactResolver {
  @FieldResolver(() => Organization, { description: 'The insurer.' })
  insurer(@Root() r: InsurerImpactRoot, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, r.insurerId);
  }

  @FieldResolver(() => [Organization], { description: 'Operators through which it is reached.' })
  operators(@Root() r: InsurerImpactRoot, @Ctx() ctx: RequestContext): OrganizationRow[] | Promise<OrganizationRow[]> {
    return allOf(uniq(r.paths.map((p) => p.operatorId)).map((id) => requireOrganization(ctx, id)));
  }

  @FieldResolver(() => [ImpactPath], { description: 'Its paths.' })
  paths(@Root() r: InsurerImpactRoot): PathRoot[] {
    return r.paths;
  }
}

/** Relation fields of a partner's share. */
@Resolver(() => PartnerImpact)
export class PartnerImpactResolver {
  @FieldResolver(() => Organization, { description: 'The partner.' })
  partner(@Root() r: PartnerImpactRoot, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, r.partnerId);
  }
}

/** Relation fields of a category's share. */
@Resolver(() => CategoryImpact)
export class CategoryImpactResolver {
  @FieldResolver(() => DataCategory, { description: 'The data category.' })
  category(@Root() r: CategoryImpactRoot, @Ctx() ctx: RequestContext): DataCategoryRow | Promise<DataCategoryRow> {
    return requireCategory(ctx, r.categoryId);
  }
}

/** Relation fields of an affected insurer. */
@Resolver(() => AffectedInsurer)
export class AffectedInsurerResolver {
  @FieldResolver(() => Organization, { description: 'The insurer.' })
  insurer(@Root() r: AffectedInsurerRoot, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, r.insurerId);
  }

  @FieldResolver(() => [Breach], { description: 'The breaches (of those asked about) that reach it.' })
  breaches(@Root() r: AffectedInsurerRoot, @Ctx() ctx: RequestContext): BreachRow[] | Promise<BreachRow[]> {
    return allOf(r.breachIds.map((id) => requireBreach(ctx, id)));
  }

  @FieldResolver(() => [Organization], { description: 'Operators through which it is reached.' })
  operators(@Root() r: AffectedInsurerRoot, @Ctx() ctx: RequestContext): OrganizationRow[] | Promise<OrganizationRow[]> {
    return allOf(uniq(r.paths.map((p) => p.operatorId)).map((id) => requireOrganization(ctx, id)));
  }

  @FieldResolver(() => [ImpactPath], { description: 'Every path reaching it, with basis ACTIVE or RETAINED (why La Mutuelle Générale appears under both operators).' })
  paths(@Root() r: AffectedInsurerRoot): PathRoot[] {
    return r.paths;
  }
}
