import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AppError } from '../../errors/app-error';
import type { BreachRow, ExposureRow } from '../../domain/breach/breach.rows';
import { assessSeverity, CountRule, SeverityAssessment, SeverityExposure } from '../../domain/severity/assess-severity';
import { circumstancesOf } from '../../domain/severity/circumstances';
import { ENISA_METHOD } from '../../domain/severity/enisa-method';
import type { RequestContext } from '../context';
import { Breach } from '../breach/breach.type';
import { loadPaths, requireBreach, requireOrganization } from '../require';
import { BreachSeverityArgs, ControllerSeverityArgs } from './severity.args';
import { BreachSeverity } from './severity.type';

/** What a `BreachSeverity` resolves from: the assessment and whom it is about. */
export type BreachSeverityRoot = SeverityAssessment & { method: string; breachId: string; controllerId: string | null; referenceDate: string | null; populationIds: string[] };

/** The exposure rows of a breach with their categories' names, as the rule reads them. */
async function exposuresOf(ctx: RequestContext, rows: ExposureRow[]): Promise<SeverityExposure[]> {
  const cats = await ctx.loaders.dataCategory.loadMany([...new Set(rows.map((r) => r.categoryId))]);
  const names = new Map(cats.flatMap((c) => (c && !(c instanceof Error) ? [[c.id, c.name] as const] : [])));
  return rows.map((r) => ({
    categoryId: r.categoryId,
    categoryName: names.get(r.categoryId) ?? null,
    subjects: r.subjects,
    status: r.status,
    scope: r.scope,
    scopeNote: r.scopeNote,
    note: r.note,
    sourceUrl: r.sourceUrl,
    confidence: r.confidence,
  }));
}

/** The assessment of `exposures` of breach `b` under `countRule`, with CB read from its record. */
async function assess(ctx: RequestContext, b: BreachRow, exposures: SeverityExposure[], countRule: CountRule): Promise<SeverityAssessment> {
  const [events, compromised] = await Promise.all([ctx.loaders.breachEvents.load(b.id), ctx.loaders.compromised.load(b.id)]);
  const circumstances = circumstancesOf({
    vector: b.vector,
    ransomware: b.ransomware,
    // Stored as parallel lists (see BreachResolver.attackTechniques); '' is unknown.
    techniques: (b.attackTechniques ?? []).map((id, i) => ({
      id,
      inferred: b.techniqueInferred?.[i] ?? false,
      sourceUrl: b.techniqueSources?.[i] || null,
      confidence: (b.techniqueConfidences?.[i] || null) as 'H' | 'M' | 'L' | null,
    })),
    events,
    compromised,
  });
  return assessSeverity({ exposures, circumstances, countRule });
}

/** The severity of the whole breach, from its public record (no counts of people). */
async function breachSeverity(ctx: RequestContext, b: BreachRow): Promise<BreachSeverityRoot> {
  const exposures = await exposuresOf(ctx, await ctx.loaders.exposures.load(b.id));
  const a = await assess(ctx, b, exposures, 'BREACH');
  return { ...a, method: ENISA_METHOD, breachId: b.id, controllerId: null, referenceDate: null, populationIds: [] };
}

/** `breachSeverity`, `controllerSeverity` and `Breach.severity`. */
@Resolver(() => BreachSeverity)
export class SeverityResolver {
  @Query(() => BreachSeverity, {
    description:
      'An explained severity of a breach after ENISA’s 2013 methodology (SE = DPC × EI + CB), from the public record: per kind of people, each factor with the categories and facts that set it, the level and whether Art. 34 notification of the people follows. CLAIMED exposures are shown as claims and never scored; their effect is `ifUnconfirmedHeld`. Public, like the breach record. NOT_FOUND for an unknown breach.',
  })
  async breachSeverity(@Args(() => BreachSeverityArgs) { breachId }: BreachSeverityArgs, @Ctx() ctx: RequestContext): Promise<BreachSeverityRoot> {
    return breachSeverity(ctx, await requireBreach(ctx, breachId));
  }

  @Authorized()
  @Query(() => BreachSeverity, {
    description:
      'The severity of a breach for one controller’s people: only the categories and populations on the paths of that controller (the reach rule of `breachImpact`, on the breach’s reference date), scored as `breachSeverity` is. An exposure stated for "some insurers" is unconfirmed for a given one. A controller the breach does not reach gets no score, said so. NOT_FOUND for an unknown breach or organisation; an INSURER may ask only about itself (FORBIDDEN otherwise).',
  })
  async controllerSeverity(@Args(() => ControllerSeverityArgs) { breachId, controllerId }: ControllerSeverityArgs, @Ctx() ctx: RequestContext): Promise<BreachSeverityRoot> {
    if (ctx.tenant !== null && controllerId !== ctx.tenant) {
      throw new AppError('FORBIDDEN', `Your token is for ${ctx.tenant}; it cannot read the severity for ${controllerId}.`);
    }
    const b = await requireBreach(ctx, breachId);
    await requireOrganization(ctx, controllerId);
    // The controller's share is chosen by the impact paths (cypher/reach owns the rule): the
    // (kind of people, category) pairs its paths carry, nothing copied here.
    const row = await loadPaths(ctx, { breachId, asOf: null });
    const paths = row.paths.filter((p) => p.controllerId === controllerId);
    const reached = new Set(paths.flatMap((p) => p.exposedCategoryIds.map((c) => `${p.populationKind}|${c}`)));
    const kinds = new Set(paths.map((p) => p.populationKind));
    const rows = (await ctx.loaders.exposures.load(breachId)).filter((e) => reached.has(`${e.subjects}|${e.categoryId}`) || (e.status === 'NOT_EXPOSED' && kinds.has(e.subjects)));
    const a = await assess(ctx, b, await exposuresOf(ctx, rows), 'CONTROLLER');
    const root: BreachSeverityRoot = {
      ...a,
      method: ENISA_METHOD,
      breachId,
      controllerId,
      referenceDate: row.referenceDate,
      populationIds: [...new Set(paths.map((p) => p.populationId))].sort(),
    };
    if (paths.length === 0) {
      root.explanation = `No path of ${breachId} reaches data that ${controllerId} controls on the reference date${row.referenceDate ? ` (${row.referenceDate})` : ''}: nothing to score.`;
    }
    return root;
  }
}

/** `Breach.severity`. */
@Resolver(() => Breach)
export class BreachSeverityFieldResolver {
  @FieldResolver(() => BreachSeverity, { description: 'Explained ENISA severity of this breach from its public record (as `breachSeverity`).' })
  severity(@Root() b: BreachRow, @Ctx() ctx: RequestContext): Promise<BreachSeverityRoot> {
    return breachSeverity(ctx, b);
  }
}
