import { Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../context';
import { allOf, required } from '../loader-helpers';
import type { BreachRow, ExposureRow, ReportedFigureRow } from '../../domain/breach/breach.rows';
import { Breach, Exposure, ReportedFigure } from '../breach/breach.type';
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
  insurerIdsOf,
  PartnerImpactRoot,
  PathRoot,
  totalsOf,
  TotalsRoot,
  uniq,
  withBreach,
} from '../../domain/impact/breakdown';
import { coveredCategories, CoveredCategory, coveredInsurers, CoveredInsurer, coveredPartners, coveredTotals, CoveredTotals } from '../../domain/impact/coverage';
import { PopulationFigureRoot, reportedPopulations, ReportedPopulationsRoot } from '../../domain/impact/reported-populations';
import { checkDisclosedDate, Disclosed, discloseImpact, DisclosedImpact, documentedDates } from '../../domain/disclosure/disclosure-policy';
import { AffectedInsurer, BreachImpact, CategoryImpact, ImpactPath, ImpactTotals, InsurerImpact, PartnerImpact, PathHop, PopulationFigure, ReportedPopulations } from './impact.type';
import { CountFreshness } from '../common/count-freshness.type';
import type { CountFreshness as CountFreshnessRow } from '../../domain/impact/count-freshness';
import { ImpactRoot, loadAggregates, loadFreshness, loadPaths, loadPortfolioCoverage, loadRoutedPaths, requireBreach, requireCategory, requireOrganization, requirePopulation, requireSystem } from '../require';

const MAX_BREACHES = 20;

type ImpactDisclosure = DisclosedImpact<TotalsRoot, InsurerImpactRoot, PartnerImpactRoot, CategoryImpactRoot>;

/** An impact answer as shown: disclosed, then with the coverage behind each count. */
interface ShownImpact {
  totals: CoveredTotals;
  byInsurer: CoveredInsurer[];
  byPartner: ImpactDisclosure['byPartner'];
  byCategory: CoveredCategory[];
}

/**
 * THE place where an impact answer's counts meet the disclosure-control policy: the breakdown
 * arithmetic (domain/impact/breakdown) counts, then domain/disclosure decides what this caller
 * may see of every breakdown at once (so that totals and cells agree whichever are selected),
 * then domain/impact/coverage says where each count comes from and turns the 0 of an insurer
 * with no portfolio loaded into unknown. Every count field of `BreachImpact` reads from here,
 * never from the breakdown directly.
 */
function disclosed(ctx: RequestContext, root: ImpactRoot): Promise<ShownImpact> {
  // totals, byInsurer, byPartner and byCategory each ask for it: the root object is made once
  // per answer in a request, so keying on it computes the breakdowns and the disclosure once
  // (they were computed four times, the largest CPU cost of a regulator's summary).
  let shown = shownByRoot.get(root);
  if (!shown) {
    shown = showImpact(ctx, root);
    shownByRoot.set(root, shown);
  }
  return shown;
}

/** One answer per impact root, dropped with the root when the request ends. */
const shownByRoot = new WeakMap<ImpactRoot, Promise<ShownImpact>>();

async function showImpact(ctx: RequestContext, root: ImpactRoot): Promise<ShownImpact> {
  const [paths, agg] = await Promise.all([loadPaths(ctx, root), loadAggregates(ctx, root)]);
  const counts = { totals: totalsOf(paths, agg), byInsurer: byInsurerOf(paths, agg), byPartner: byPartnerOf(paths, agg), byCategory: byCategoryOf(paths, agg) };
  const shown = discloseImpact(counts, ctx.audience, ctx.disclosure);
  const ids = insurerIdsOf(paths);
  const coverage = await loadPortfolioCoverage(ctx, paths);
  const totals = coveredTotals(shown.totals, paths, coverage);
  const insuredCounted = totals.insurersWithPortfolio > 0 || ids.length === 0;
  return {
    totals,
    byInsurer: coveredInsurers(shown.byInsurer, coverage),
    byPartner: coveredPartners(shown.byPartner, paths, coverage, insuredCounted),
    byCategory: coveredCategories(paths.breachId, shown.byCategory, insuredCounted),
  };
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
    return affectedInsurers(ids, await Promise.all(ids.map((breachId) => loadRoutedPaths(ctx, { breachId, asOf: date }))));
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

  @FieldResolver(() => CountFreshness, { description: 'Whether the counts of this answer (totals, by insurer, by partner, by category) are current: read from the maintained summaries, derived from them, or counted live; `current` is false while the summaries lag behind a committed write (an import or a registered breach whose refresh is pending), and those counts are then of before `staleSince`.' })
  freshness(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<CountFreshnessRow> {
    return loadFreshness(ctx, root);
  }

  @FieldResolver(() => ImpactTotals, { description: 'Totals.' })
  async totals(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<CoveredTotals> {
    return (await disclosed(ctx, root)).totals;
  }

  @FieldResolver(() => [InsurerImpact], { description: 'Per insurer (data controller of insured people), most people first, suppressed cells next, then insurers with no portfolio loaded (people and contracts null: unknown, see `coverage`). A path whose controller is unknown (a broker’s clients) counts as no insurer.' })
  async byInsurer(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<CoveredInsurer[]> {
    return (await disclosed(ctx, root)).byInsurer;
  }

  @FieldResolver(() => [PartnerImpact], { description: 'Per partner the data went through: the operator(s) whose system was hit, then care networks; suppressed cells last.' })
  async byPartner(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<Array<Disclosed<PartnerImpactRoot>>> {
    return (await disclosed(ctx, root)).byPartner;
  }

  @FieldResolver(() => [CategoryImpact], { description: 'Per data category on the breach’s paths (exposed, or only claimed: see each row’s `exposures`), most people first, suppressed cells last.' })
  async byCategory(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): Promise<CoveredCategory[]> {
    return (await disclosed(ctx, root)).byCategory;
  }

  @FieldResolver(() => [ImpactPath], { description: 'Every path from the breach to a population, each hop with its GDPR role; filter by population kind or controller.' })
  async paths(@Root() root: ImpactRoot, @Args(() => ImpactPathsArgs) args: ImpactPathsArgs, @Ctx() ctx: RequestContext): Promise<PathRoot[]> {
    const paths = withBreach(await loadRoutedPaths(ctx, root));
    return paths.filter((p) => (!args.populationKind || p.populationKind === args.populationKind) && (!args.controllerId || p.controllerId === args.controllerId));
  }

  @FieldResolver(() => [ReportedFigure], { description: 'Figures reported about the breach, to set beside the graph’s own counts.' })
  reportedFigures(@Root() root: ImpactRoot, @Ctx() ctx: RequestContext): ReportedFigureRow[] | Promise<ReportedFigureRow[]> {
    // A what-if has no reported figure.
    if (root.simulation) return [];
    return ctx.loaders.reportedFigures.load(root.breachId);
  }
}

/** Coverage and population figures of the totals: they need more rows, so only when selected. */
@Resolver(() => ImpactTotals)
export class ImpactTotalsResolver {
  @FieldResolver(() => Int, { description: 'Distinct populations reached (insured and professional).' })
  populations(@Root() t: CoveredTotals): number {
    return t.populationIds.length;
  }

  @FieldResolver(() => Int, { description: 'Populations reached (any kind) with neither a reported affected count nor a size.' })
  async populationsOfUnknownSize(@Root() t: CoveredTotals, @Ctx() ctx: RequestContext): Promise<number> {
    const [insured, professionals] = await Promise.all([reported(ctx, t.breachId, t.populationIds, 'INSURED'), reported(ctx, t.breachId, t.populationIds, 'PROFESSIONAL')]);
    return insured.populationsOfUnknownSize + professionals.populationsOfUnknownSize;
  }

  @FieldResolver(() => ReportedPopulations, { description: 'Reported figures of the insured populations reached: per population its affected count where a figure gives it (Mutame & Plus: about 1,800), else its size (an upper bound, listed in `populationsWithSizeOnly`). Beside the counted `people`, never added to it.' })
  reportedInsured(@Root() t: CoveredTotals, @Ctx() ctx: RequestContext): Promise<ReportedPopulationsRoot> {
    return reported(ctx, t.breachId, t.populationIds, 'INSURED');
  }

  @FieldResolver(() => ReportedPopulations, { description: 'Reported figures of the professionals’ populations reached (the graph has no professionals’ portfolio to count), kept apart from insured people.' })
  reportedProfessionals(@Root() t: CoveredTotals, @Ctx() ctx: RequestContext): Promise<ReportedPopulationsRoot> {
    return reported(ctx, t.breachId, t.populationIds, 'PROFESSIONAL');
  }

  @FieldResolver(() => [Organization], { description: 'Insurers reached that have no portfolio loaded: their people are unknown, so the totals are a lower bound.' })
  insurersWithoutPortfolio(@Root() t: CoveredTotals, @Ctx() ctx: RequestContext): OrganizationRow[] | Promise<OrganizationRow[]> {
    return allOf(t.insurersWithoutPortfolioIds.map((id) => requireOrganization(ctx, id)));
  }
}

/** The reported figures of the populations `ids` of one kind, for a breach. */
async function reported(ctx: RequestContext, breachId: string, ids: string[], kind: string): Promise<ReportedPopulationsRoot> {
  const [populations, figures] = await Promise.all([Promise.all(ids.map((id) => requirePopulation(ctx, id))), ctx.loaders.reportedFigures.load(breachId)]);
  return reportedPopulations(kind, populations, figures);
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
  category(@Root() r: CoveredCategory, @Ctx() ctx: RequestContext): DataCategoryRow | Promise<DataCategoryRow> {
    return requireCategory(ctx, r.categoryId);
  }

  @FieldResolver(() => [Exposure], { description: 'What the record states for this category (or the parent category a path carries it under), per kind of subject in `subjects`: status EXPOSED, CLAIMED (a claim, e.g. the FSPF’s about Almerys professionals’ bank details, confidence L: not an established exposure) or NOT_EXPOSED, with scope, scope note, source and confidence.' })
  async exposures(@Root() r: CoveredCategory, @Ctx() ctx: RequestContext): Promise<ExposureRow[]> {
    const [all, lineage] = await Promise.all([ctx.loaders.exposures.load(r.breachId), categoryAndAncestors(ctx, r.categoryId)]);
    // The nearest statement wins: the category's own, else its parent's, per kind of subject.
    return r.subjects.flatMap((subjects) => {
      for (const id of lineage) {
        const found = all.filter((x) => x.subjects === subjects && x.categoryId === id && x.status !== 'NOT_EXPOSED');
        if (found.length > 0) return found;
      }
      return [];
    });
  }

  @FieldResolver(() => ReportedPopulations, { nullable: true, description: 'Professionals whose data of this category is on the breach’s paths, from their populations’ reported figures (never a count of the graph, never added to `people`); null when no professionals’ population is reached with it. `populationsOfUnknownSize` counts those the record gives no figure for.' })
  async professionals(@Root() r: CoveredCategory, @Ctx() ctx: RequestContext): Promise<ReportedPopulationsRoot | null> {
    return r.professionalPopulationIds.length === 0 ? null : reported(ctx, r.breachId, r.professionalPopulationIds, 'PROFESSIONAL');
  }
}

/** A category id, then its parent's, up to the root (categories are a shallow tree). */
async function categoryAndAncestors(ctx: RequestContext, id: string): Promise<string[]> {
  const chain = [id];
  for (let row = await requireCategory(ctx, id); row.parentId && !chain.includes(row.parentId); row = await requireCategory(ctx, row.parentId)) chain.push(row.parentId);
  return chain;
}

/** Relation fields of a population figure. */
@Resolver(() => PopulationFigure)
export class PopulationFigureResolver {
  @FieldResolver(() => Population, { description: 'The population.' })
  population(@Root() f: PopulationFigureRoot, @Ctx() ctx: RequestContext): PopulationRow | Promise<PopulationRow> {
    return requirePopulation(ctx, f.populationId);
  }

  @FieldResolver(() => ReportedFigure, { nullable: true, description: 'The reported figure giving the affected count, with its reporter, date and caveats; null for a population size.' })
  figure(@Root() f: PopulationFigureRoot): ReportedFigureRow | null {
    return f.figure;
  }
}

/** Relation fields of reported population figures. */
@Resolver(() => ReportedPopulations)
export class ReportedPopulationsResolver {
  @FieldResolver(() => [Population], { description: 'Populations whose only figure is their size (an upper bound of the affected, not a count of them).' })
  populationsWithSizeOnly(@Root() r: ReportedPopulationsRoot, @Ctx() ctx: RequestContext): PopulationRow[] | Promise<PopulationRow[]> {
    return allOf(r.populationsWithSizeOnlyIds.map((id) => requirePopulation(ctx, id)));
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
