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
import { checkDisclosedDate, Disclosed, discloseImpact, DisclosedImpact, documentedDates } from '../../domain/disclosure/disclosure-policy';
import { AffectedInsurer, BreachImpact, CategoryImpact, ImpactPath, ImpactTotals, InsurerImpact, PartnerImpact, PathHop } from './impact.type';
import { ImpactRoot, loadAggregates, loadPaths, requireBreach, requireCategory, requireOrganization, requirePopulation, requireSystem } from '../require';

const MAX_BREACHES = 20;

type ImpactDisclosure = DisclosedImpact<TotalsRoot, InsurerImpactRoot, PartnerImpactRoot, CategoryImpactRoot>;

/**
 * THE place where an impact answer's counts meet the disclosure-control policy: the breakdown
 * arithmetic (domain/impact/breakdown) counts, then domain/disclosure decides what this caller
 * may see of every breakdown at once (so that totals and cells agree whichever are selected).
 * Every count field of `BreachImpact` reads from here, never from the breakdown directly.
 */
async function disclosed(ctx: RequestContext, root: ImpactRoot): Promise<ImpactDisclosure> {
  const [paths, agg] = await Promise.all([loadPaths(ctx, root), loadAggregates(ctx, root)]);
  const counts = { totals: totalsOf(paths, agg), byInsurer: byInsurerOf(paths, agg), byPartner: byPartnerOf(paths, agg), byCategory: byCategoryOf(paths, agg) };
  return discloseImpact(counts, ctx.audience, ctx.disclosure);
}

/**
 * The root of an impact answer, once the policy allows its date: a caller under disclosure
 * control may count only on the breach's own reference date or one of its dated events, so that
 * counts on nearby days cannot be differenced (FORBIDDEN lists the dates it may use). An unknown
 * breach is NOT_FOUND first.
 */
async function impactRoot(ctx: RequestContext, breachId: string, asOf: string | null | undefined): Promise<ImpactRoot> {
  const root = { breachId, asOf: checkDate('asOf', asOf) };
  if (root.asOf !== null && ctx.audience !== 'EXACT') {
    await requireBreach(ctx, breachId);
    const events = await ctx.loaders.breachEvents.load(breachId);
    checkDisclosedDate(breachId, root.asOf, ctx.audience, documentedDates(events.map((e) => e.date)));
  }
  return root;
}

/** `breachImpact`, `affectedInsurers` and `Breach.impact`. */
@Resolver(() => BreachImpact)
export class BreachImpactResolver {
  @Authorized()
  @Query(() => BreachImpact, { description: 'Who is affected by a breach and through which partner: totals (people counted once), by insurer, by operator or care network, by data category, and the paths. NOT_FOUND for an unknown breach. Every role but INSURER gets counts under disclosure control (small cells suppressed; ADMIN gets none) and may pass as `asOf` only one of the breach’s dated events (FORBIDDEN lists them).' })
  async breachImpact(@Args(() => BreachImpactArgs) { breachId, asOf }: BreachImpactArgs, @Ctx() ctx: RequestContext): Promise<ImpactRoot> {
    const root = await impactRoot(ctx, breachId, asOf);
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

  @FieldResolver(() => Breach, { nullable: true, description: 'The breach; null for a what-if (`simulateBreach`), which names none.' })
  breach(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): BreachRow | null | Promise<BreachRow> {
    return root.simulation ? null : requireBreach(ctx, root.breachId);
  }

  @FieldResolver(() => [System], { nullable: true, description: 'The systems a what-if (`simulateBreach`) takes: those named and those behind the access channels named; null for a real breach (see `breach.compromisedSystems`).' })
  simulatedSystems(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): null | SystemRow[] | Promise<SystemRow[]> {
    return root.simulation ? allOf(root.simulation.paths.systemIds.map((id) => requireSystem(ctx, id))) : null;
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
  async totals(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<Disclosed<TotalsRoot>> {
    return (await disclosed(ctx, root)).totals;
  }

  @FieldResolver(() => [InsurerImpact], { description: 'Per insurer (data controller of insured people), most people first, suppressed cells last; insurers with no contract in the graph show 0 people.' })
  async byInsurer(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<Array<Disclosed<InsurerImpactRoot>>> {
    return (await disclosed(ctx, root)).byInsurer;
  }

  @FieldResolver(() => [PartnerImpact], { description: 'Per partner the data went through: the operator(s) whose system was hit, then care networks; suppressed cells last.' })
  async byPartner(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<Array<Disclosed<PartnerImpactRoot>>> {
    return (await disclosed(ctx, root)).byPartner;
  }

  @FieldResolver(() => [CategoryImpact], { description: 'Per exposed data category, most people first, suppressed cells last.' })
  async byCategory(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<Array<Disclosed<CategoryImpactRoot>>> {
    return (await disclosed(ctx, root)).byCategory;
  }

  @FieldResolver(() => [ImpactPath], { description: 'Every path from the breach to a population, each hop with its GDPR role; filter by population kind or controller.' })
  async paths(@Root() root: ImpactRoot, @Args(() => ImpactPathsArgs) args: ImpactPathsArgs, @Ctx() ctx: RequestContext): Promise<PathRoot[]> {
    const paths = withBreach(await loadPaths(ctx, root));
    return paths.filter((p) => (!args.populationKind || p.populationKind === args.populationKind) && (!args.controllerId || p.controllerId === args.controllerId));
  }

  @FieldResolver(() => [ReportedFigure], { description: 'Figures reported about the breach, to set beside the graph’s own counts.' })
  reportedFigures(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): ReportedFigureRow[] | Promise<ReportedFigureRow[]> {
    // A what-if has no reported figure.
    if (root.simulation) return [];
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
  impact(@Root() b: BreachRow, @Args(() => ImpactOfBreachArgs) { asOf }: ImpactOfBreachArgs, @Ctx() ctx: RequestContext): Promise<ImpactRoot> {
    return impactRoot(ctx, b.id, asOf);
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

  @FieldResolver(() => Organization, { nullable: true, description: 'The care network or other intermediary (a broker) the data went through, if any.' })
  partner(@Root() p: PathRoot, @Ctx() ctx: RequestContext): OrganizationRow | null | Promise<OrganizationRow | null> {
    const id = p.viaId ?? p.networkId ?? null;
    return id === null ? null : requireOrganization(ctx, id);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description:
      'The GDPR controller of the data (the insurer, for insured people). Null means unknown: the controllers behind the intermediary (`partner`, e.g. the broker Roederer) are not recorded; such a path counts no insurer.',
  })
  controller(@Root() p: PathRoot, @Ctx() ctx: RequestContext): OrganizationRow | null | Promise<OrganizationRow> {
    return p.controllerId === null ? null : requireOrganization(ctx, p.controllerId);
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
