import { Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../context';
import { allOf } from '../loader-helpers';
import { loadCountCoverage, requireBreach, requireCategory, requireOrganization } from '../require';
import type { BreachRow } from '../../domain/breach/breach.rows';
import type { DataCategoryRow } from '../../domain/catalogue/catalogue.rows';
import { Breach } from '../breach/breach.type';
import { DataCategory } from '../catalogue/catalogue.type';
import { MemberExposure } from '../member/member.type';
import { storedBreachSets } from '../../domain/crossbreach/breach-set.repository';
import { CountFreshness as CountFreshnessRow, countFreshness, SUMMARIES_UNKNOWN } from '../../domain/impact/count-freshness';
import { CountFreshness } from '../common/count-freshness.type';
import { categoryUnion, crossBreachCounts, isCombined } from '../../domain/crossbreach/cross-breach-counts';
import { discloseCrossBreach, DisclosedCrossBreach } from '../../domain/crossbreach/cross-breach-disclosure';
import type { BreachSetSignature } from '../../domain/crossbreach/breach-set.rows';
import { combinedCoverage, type CountCoverage } from '../../domain/impact/coverage';
import { CountSource } from '../../domain/common/enums';
import type { OrganizationRow } from '../../domain/organization/organization.rows';
import { Organization } from '../organization/organization.type';
import { CrossBreachImpactArgs } from './crossbreach.args';
import {
  CrossBreachByBreach,
  CrossBreachCategory,
  CrossBreachCategoryCombination,
  CrossBreachCombination,
  CrossBreachCount,
  CrossBreachImpact,
  CrossBreachReferenceDate,
  MemberCombinedExposure,
} from './crossbreach.type';

const MAX_BREACHES = 20;

/** What `crossBreachImpact` resolves to: the disclosed answer and the dates it was counted on. */
interface CrossBreachRoot {
  computed: boolean;
  freshness: CountFreshnessRow;
  referenceDates: Record<string, string>;
  answer: DisclosedCrossBreach;
}
type Figure = { people: number | null; contracts: number | null; suppressed: boolean };
type ByBreachRoot = Figure & { breachId: string };
type CombinationRoot = Figure & { breachIds: string[] };
type CategoryCombinationRoot = Figure & { categoryIds: string[] };
type CategoryRoot = Figure & { categoryId: string };

/** The breaches' coverage taken together, once per answer (three fields ask for it). */
function coverageOf(ctx: RequestContext, r: CrossBreachRoot): Promise<CountCoverage> {
  let c = coverageByRoot.get(r);
  if (!c) {
    c = Promise.all(r.answer.breachIds.map((id) => loadCountCoverage(ctx, id))).then(combinedCoverage);
    coverageByRoot.set(r, c);
  }
  return c;
}

/** One coverage per answer, dropped with the answer when the request ends. */
const coverageByRoot = new WeakMap<CrossBreachRoot, Promise<CountCoverage>>();

/** `crossBreachImpact`: people and contracts across several breaches, each counted once. */
@Resolver(() => CrossBreachImpact)
export class CrossBreachImpactResolver {
  @Authorized()
  @Query(() => CrossBreachImpact, { description: 'People and contracts across a set of breaches, each counted once (the breaches’ own totals added up count twice whoever several reach), who is in several, and the categories the breaches expose together. Read from maintained totals. Every role but INSURER gets counts under disclosure control (small cells suppressed; ADMIN gets none); an INSURER gets its own share, exact. NOT_FOUND for an unknown breach; BAD_USER_INPUT for no id or more than 20.' })
  async crossBreachImpact(@Args(() => CrossBreachImpactArgs) { breachIds }: CrossBreachImpactArgs, @Ctx() ctx: RequestContext): Promise<CrossBreachRoot> {
    if (breachIds.length === 0 || breachIds.length > MAX_BREACHES) throw badInput('breachIds', breachIds.length, `give 1 to ${MAX_BREACHES} breach ids`);
    const ids = [...new Set(breachIds)];
    await Promise.all(ids.map((id) => requireBreach(ctx, id)));
    const stored = await storedBreachSets(ctx.db, ctx.tenant);
    if (stored === null) {
      // Never computed: every figure withheld, so nothing reads as "nobody reached".
      return { computed: false, freshness: countFreshness('MAINTAINED_SUMMARY', SUMMARIES_UNKNOWN), referenceDates: {}, answer: discloseCrossBreach(crossBreachCounts([], ids), 'WITHHELD', ctx.disclosure) };
    }
    return { computed: true, freshness: countFreshness('MAINTAINED_SUMMARY', stored.state), referenceDates: stored.referenceDates, answer: discloseCrossBreach(crossBreachCounts(stored.rows, ids), ctx.audience, ctx.disclosure) };
  }

  @FieldResolver(() => Boolean, { description: 'False when the maintained cross-breach counts have not been computed yet: every count then reads null and suppressed, never 0.' })
  computed(@Root() r: CrossBreachRoot): boolean {
    return r.computed;
  }

  @FieldResolver(() => CountFreshness, { description: 'Whether these counts are current: `current` is false while the maintained summaries lag behind a committed write whose refresh is pending (the counts are then of before `staleSince`), or when they were never computed.' })
  freshness(@Root() r: CrossBreachRoot): CountFreshnessRow {
    return r.freshness;
  }

  @FieldResolver(() => Boolean, { description: 'True when the counts are a lower bound: an insurer one of the breaches reaches has no portfolio loaded, or insured people are reached through an intermediary whose insurers are unknown (each breach as its `breachImpact.totals.lowerBound`).' })
  async lowerBound(@Root() r: CrossBreachRoot, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await coverageOf(ctx, r)).lowerBound;
  }

  @FieldResolver(() => [CountSource], { description: 'Where the counts come from: the origins of the portfolios loaded for the insurers the breaches reach (SYNTHETIC: invented, not a real count). Empty when none is loaded.' })
  async sources(@Root() r: CrossBreachRoot, @Ctx() ctx: RequestContext): Promise<CountSource[]> {
    return (await coverageOf(ctx, r)).sources;
  }

  @FieldResolver(() => [Organization], { description: 'Insurers one of the breaches reaches that have no portfolio loaded: their people are unknown, so the counts are a lower bound.' })
  async insurersWithoutPortfolio(@Root() r: CrossBreachRoot, @Ctx() ctx: RequestContext): Promise<OrganizationRow[]> {
    return allOf((await coverageOf(ctx, r)).insurersWithoutPortfolioIds.map((id) => requireOrganization(ctx, id)));
  }

  @FieldResolver(() => [Breach], { description: 'The breaches asked about, each once, by id.' })
  breaches(@Root() r: CrossBreachRoot, @Ctx() ctx: RequestContext): BreachRow[] | Promise<BreachRow[]> {
    return allOf(r.answer.breachIds.map((id) => requireBreach(ctx, id)));
  }

  @FieldResolver(() => [CrossBreachReferenceDate], { description: 'The reference date each breach was counted on, in the order of `breaches`.' })
  referenceDates(@Root() r: CrossBreachRoot): Array<{ breachId: string; referenceDate: string | null }> {
    return r.answer.breachIds.map((breachId) => ({ breachId, referenceDate: r.referenceDates[breachId] ?? null }));
  }

  @FieldResolver(() => CrossBreachCount, { description: 'Distinct people and contracts reached by at least one of the breaches.' })
  distinct(@Root() r: CrossBreachRoot): Figure {
    return r.answer.distinct;
  }

  @FieldResolver(() => CrossBreachCount, { description: 'The breaches’ own counts added up, as a naive sum of their `breachImpact` totals would: whoever several breaches reach is counted several times. Shown only when every `byBreach` figure is.' })
  byAddition(@Root() r: CrossBreachRoot): Figure {
    return r.answer.byAddition;
  }

  @FieldResolver(() => CrossBreachCount, { description: 'People and contracts reached by two or more of the breaches.' })
  inSeveral(@Root() r: CrossBreachRoot): Figure {
    return r.answer.inSeveral;
  }

  @FieldResolver(() => CrossBreachCount, { description: 'People and contracts whose categories exposed across the breaches exceed what any single breach exposed of them: the combination risk (e.g. NIR and guarantees from one breach, contract number from another).' })
  combinedExposure(@Root() r: CrossBreachRoot): Figure {
    return r.answer.combinedExposure;
  }

  @FieldResolver(() => [CrossBreachByBreach], { description: 'Each breach’s own people and contracts, by id, suppressed figures last.' })
  byBreach(@Root() r: CrossBreachRoot): ByBreachRoot[] {
    return r.answer.byBreach;
  }

  @FieldResolver(() => [CrossBreachCombination], { description: 'Per exact combination of the breaches (a Venn cell: reached by these and no other of those asked about), largest first, suppressed cells last.' })
  byBreachCombination(@Root() r: CrossBreachRoot): CombinationRoot[] {
    return r.answer.byBreachCombination;
  }

  @FieldResolver(() => [CrossBreachCategoryCombination], { description: 'Per exact union of the data categories the breaches exposed of a person, largest first, suppressed cells last.' })
  byCategoryCombination(@Root() r: CrossBreachRoot): CategoryCombinationRoot[] {
    return r.answer.byCategoryCombination;
  }

  @FieldResolver(() => [CrossBreachCategory], { description: 'Per data category exposed by at least one of the breaches, largest first, suppressed cells last.' })
  byCategory(@Root() r: CrossBreachRoot): CategoryRoot[] {
    return r.answer.byCategory;
  }
}

/** Relation fields of a breach's own figure. */
@Resolver(() => CrossBreachByBreach)
export class CrossBreachByBreachResolver {
  @FieldResolver(() => Breach, { description: 'The breach.' })
  breach(@Root() r: ByBreachRoot, @Ctx() ctx: RequestContext): BreachRow | Promise<BreachRow> {
    return requireBreach(ctx, r.breachId);
  }
}

/** Relation fields of a reference date. */
@Resolver(() => CrossBreachReferenceDate)
export class CrossBreachReferenceDateResolver {
  @FieldResolver(() => Breach, { description: 'The breach.' })
  breach(@Root() r: { breachId: string }, @Ctx() ctx: RequestContext): BreachRow | Promise<BreachRow> {
    return requireBreach(ctx, r.breachId);
  }
}

/** Relation fields of a Venn cell. */
@Resolver(() => CrossBreachCombination)
export class CrossBreachCombinationResolver {
  @FieldResolver(() => [Breach], { description: 'The breaches of this cell, by id.' })
  breaches(@Root() r: CombinationRoot, @Ctx() ctx: RequestContext): BreachRow[] | Promise<BreachRow[]> {
    return allOf(r.breachIds.map((id) => requireBreach(ctx, id)));
  }
}

/** Relation fields of a category union. */
@Resolver(() => CrossBreachCategoryCombination)
export class CrossBreachCategoryCombinationResolver {
  @FieldResolver(() => [DataCategory], { description: 'The categories, by id.' })
  categories(@Root() r: CategoryCombinationRoot, @Ctx() ctx: RequestContext): DataCategoryRow[] | Promise<DataCategoryRow[]> {
    return allOf(r.categoryIds.map((id) => requireCategory(ctx, id)));
  }
}

/** Relation fields of a category's figure. */
@Resolver(() => CrossBreachCategory)
export class CrossBreachCategoryResolver {
  @FieldResolver(() => DataCategory, { description: 'The data category.' })
  category(@Root() r: CategoryRoot, @Ctx() ctx: RequestContext): DataCategoryRow | Promise<DataCategoryRow> {
    return requireCategory(ctx, r.categoryId);
  }
}

/** The part of `memberExposure`'s root this field reads: each breach reaching each contract, with its paths. */
interface MemberRoot {
  exposures: Array<{ breachId: string; paths: Array<{ exposedCategoryIds: string[] }> }>;
}

/** The member's signature: each breach reaching any of its contracts, with every category it exposed. */
function memberSignature(root: MemberRoot): BreachSetSignature {
  const byBreach = new Map<string, Set<string>>();
  for (const e of root.exposures) {
    const cats = byBreach.get(e.breachId) ?? new Set<string>();
    for (const p of e.paths) for (const c of p.exposedCategoryIds) cats.add(c);
    byBreach.set(e.breachId, cats);
  }
  return [...byBreach].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([b, cats]) => [b, [...cats].sort()]);
}

/** `MemberExposure.combinedExposure`: the per-person combination risk, for the insurer's own member. */
@Resolver(() => MemberExposure)
export class MemberCombinedExposureFieldResolver {
  @FieldResolver(() => MemberCombinedExposure, { description: 'What the breaches together expose of this member through your contracts: the union of their categories, and whether it is more than any single breach exposed.' })
  combinedExposure(@Root() root: MemberRoot): BreachSetSignature {
    return memberSignature(root);
  }
}

/** Fields of a member's combined exposure. */
@Resolver(() => MemberCombinedExposure)
export class MemberCombinedExposureResolver {
  @FieldResolver(() => [Breach], { description: 'The breaches exposing the member, by id.' })
  breaches(@Root() s: BreachSetSignature, @Ctx() ctx: RequestContext): BreachRow[] | Promise<BreachRow[]> {
    return allOf(s.map(([b]) => requireBreach(ctx, b)));
  }

  @FieldResolver(() => Int, { description: 'How many breaches expose the member through any of your contracts.' })
  breachCount(@Root() s: BreachSetSignature): number {
    return s.length;
  }

  @FieldResolver(() => [DataCategory], { description: 'Every category any of the breaches exposed of the member, by id.' })
  categories(@Root() s: BreachSetSignature, @Ctx() ctx: RequestContext): DataCategoryRow[] | Promise<DataCategoryRow[]> {
    return allOf(categoryUnion(s).map((id) => requireCategory(ctx, id)));
  }

  @FieldResolver(() => Boolean, { description: 'True when the breaches together expose a category that no single one of them exposed along with the others.' })
  combined(@Root() s: BreachSetSignature): boolean {
    return isCombined(s);
  }
}
