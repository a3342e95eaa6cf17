import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DETECTION_KINDS, INTRUSION_KINDS, PUBLIC_DISCLOSURE_KINDS } from '../../db/reach';
import type { RequestContext } from '../context';
import type { AccessChannelRow, DataCategoryRow, PopulationRow, SystemRow } from '../../domain/catalogue/catalogue.rows';
import { AccessChannel, DataCategory, Population, System } from '../catalogue/catalogue.type';
import type { OrganizationRow } from '../../domain/organization/organization.rows';
import { Organization } from '../organization/organization.type';
import { ATTACK_TECHNIQUES } from '../../domain/breach/attack-techniques';
import { BreachArgs, ExposuresArgs } from './breach.args';
import { listBreaches } from '../../domain/breach/breach.repository';
import type { BreachEventRow, BreachRow, CompromisedRow, ExposureRow, ReportedFigureRow } from '../../domain/breach/breach.rows';
import { AttackTechnique, Breach, BreachEvent, CompromisedSystem, Exposure, KeyDate, ReportedFigure } from './breach.type';
import { requireBreach, requireCategory, requireOrganization, requirePopulation, requireSystem } from '../require';

/**
 * The earliest dated event among `kinds`; when none is dated, the first undated one (so the
 * answer still cites who said the date is unknown).
 */
export function keyDate(events: BreachEventRow[], kinds: readonly string[]): { known: boolean; date: string | null; event: BreachEventRow | null } {
  const matching = events.filter((e) => kinds.includes(e.kind));
  const dated = matching.filter((e) => e.date !== null).sort((a, b) => a.date!.localeCompare(b.date!));
  if (dated.length > 0) return { known: true, date: dated[0].date, event: dated[0] };
  return { known: false, date: null, event: matching[0] ?? null };
}

/** The breach catalogue. */
@Resolver(() => Breach)
export class BreachResolver {
  @Query(() => [Breach], { description: 'The breach catalogue, oldest first.' })
  async breaches(@Ctx() ctx: RequestContext): Promise<BreachRow[]> {
    const rows = await listBreaches(ctx.db);
    for (const r of rows) ctx.loaders.breach.prime(r.id, r);
    return rows;
  }

  @Query(() => Breach, { description: 'One breach by id. NOT_FOUND when no breach has that id.' })
  breach(@Args(() => BreachArgs) { id }: BreachArgs, @Ctx() ctx: RequestContext): BreachRow | Promise<BreachRow> {
    return requireBreach(ctx, id);
  }

  @FieldResolver(() => [AttackTechnique], { description: 'MITRE ATT&CK techniques, in attack order (e.g. T1598.003 phishing for credentials, then T1078 valid accounts).' })
  attackTechniques(@Root() b: BreachRow): AttackTechnique[] {
    // Stored as parallel lists (node properties hold no maps); '' or a missing entry is unknown.
    return (b.attackTechniques ?? []).map((id, i) => ({
      id,
      name: ATTACK_TECHNIQUES[id]?.name ?? null,
      tactic: ATTACK_TECHNIQUES[id]?.tactic ?? null,
      inferred: b.techniqueInferred?.[i] ?? false,
      sourceUrl: b.techniqueSources?.[i] || null,
      confidence: (b.techniqueConfidences?.[i] || null) as AttackTechnique['confidence'],
    }));
  }

  @FieldResolver(() => Organization, { description: 'The organisation breached.' })
  victim(@Root() b: BreachRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, b.victimId);
  }

  @FieldResolver(() => KeyDate, { description: 'Intrusion: the earliest dated INTRUSION or DATA_COLLECTED event.' })
  async intrusion(@Root() b: BreachRow, @Ctx() ctx: RequestContext) {
    return keyDate(await ctx.loaders.breachEvents.load(b.id), INTRUSION_KINDS);
  }

  @FieldResolver(() => KeyDate, { description: 'Detection: the earliest dated DETECTED event.' })
  async detection(@Root() b: BreachRow, @Ctx() ctx: RequestContext) {
    return keyDate(await ctx.loaders.breachEvents.load(b.id), DETECTION_KINDS);
  }

  @FieldResolver(() => KeyDate, { description: 'Public disclosure: the earliest dated DISCLOSED event.' })
  async disclosure(@Root() b: BreachRow, @Ctx() ctx: RequestContext) {
    return keyDate(await ctx.loaders.breachEvents.load(b.id), PUBLIC_DISCLOSURE_KINDS);
  }

  @FieldResolver(() => [BreachEvent], { description: 'Every recorded event, in date order, undated ones last; conflicting dates are kept side by side.' })
  timeline(@Root() b: BreachRow, @Ctx() ctx: RequestContext): Promise<BreachEventRow[]> {
    return ctx.loaders.breachEvents.load(b.id);
  }

  @FieldResolver(() => [CompromisedSystem], { description: 'Systems the breach compromised, with the access channel used.' })
  compromisedSystems(@Root() b: BreachRow, @Ctx() ctx: RequestContext): Promise<CompromisedRow[]> {
    return ctx.loaders.compromised.load(b.id);
  }

  @FieldResolver(() => [Exposure], { description: 'Data categories exposed, claimed, or stated not exposed, per kind of data subject; filter with `subjects` and `status`.' })
  async exposures(@Root() b: BreachRow, @Args(() => ExposuresArgs) args: ExposuresArgs, @Ctx() ctx: RequestContext): Promise<ExposureRow[]> {
    const rows = await ctx.loaders.exposures.load(b.id);
    return rows.filter((r) => (!args.subjects || r.subjects === args.subjects) && (!args.status || r.status === args.status));
  }

  @FieldResolver(() => [ReportedFigure], { description: 'Figures reported (CNIL, the operators, insurers), each with its source; never summed.' })
  reportedFigures(@Root() b: BreachRow, @Ctx() ctx: RequestContext): Promise<ReportedFigureRow[]> {
    return ctx.loaders.reportedFigures.load(b.id);
  }
}

/** Relation fields of an exposure. */
@Resolver(() => Exposure)
export class ExposureResolver {
  @FieldResolver(() => DataCategory, { description: 'The data category.' })
  category(@Root() row: ExposureRow, @Ctx() ctx: RequestContext): DataCategoryRow | Promise<DataCategoryRow> {
    return requireCategory(ctx, row.categoryId);
  }
}

/** Relation fields of a compromised system. */
@Resolver(() => CompromisedSystem)
export class CompromisedSystemResolver {
  @FieldResolver(() => System, { description: 'The system.' })
  system(@Root() row: CompromisedRow, @Ctx() ctx: RequestContext): SystemRow | Promise<SystemRow> {
    return requireSystem(ctx, row.systemId);
  }

  @FieldResolver(() => AccessChannel, { nullable: true, description: 'The way in the attackers used; null when unknown.' })
  async accessChannel(@Root() row: CompromisedRow, @Ctx() ctx: RequestContext): Promise<AccessChannelRow | null> {
    return row.channelId === null ? null : ctx.loaders.accessChannel.load(row.channelId);
  }
}

/** Relation fields of a reported figure. */
@Resolver(() => ReportedFigure)
export class ReportedFigureResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'Who reported it; null when the source does not say.' })
  async reportedBy(@Root() row: ReportedFigureRow, @Ctx() ctx: RequestContext): Promise<OrganizationRow | null> {
    return row.reportedById === null ? null : requireOrganization(ctx, row.reportedById);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation the figure is about when narrower than the breach (e.g. an insurer counting its own affected members); null otherwise.' })
  async about(@Root() row: ReportedFigureRow, @Ctx() ctx: RequestContext): Promise<OrganizationRow | null> {
    return row.aboutId ? requireOrganization(ctx, row.aboutId) : null;
  }

  @FieldResolver(() => Population, { nullable: true, description: 'The population whose people the figure counts (e.g. about 1,800 affected of the 45,000 of Mutame & Plus: the population keeps its size, this figure says how many of it); null otherwise, and null for an INSURER token when the population is another insurer’s (`about` still names the insurer).' })
  async population(@Root() row: ReportedFigureRow, @Ctx() ctx: RequestContext): Promise<PopulationRow | null> {
    if (!row.populationId) return null;
    const pop = await requirePopulation(ctx, row.populationId);
    // Tenant isolation: an insurer sees its own populations only, as everywhere else.
    return ctx.tenant && pop.ownerId !== ctx.tenant ? null : pop;
  }
}
