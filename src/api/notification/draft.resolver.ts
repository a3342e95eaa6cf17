import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { BreachRow } from '../../domain/breach/breach.rows';
import { countBasisOf, disclosedRange, DraftCategory, DraftFigure, draftPhase, likelyConsequences, NotificationDraftRow, PROPOSED_MEASURES } from '../../domain/notification/draft';
import { controllerCounts, draftWindow, portfolioKinds } from '../../domain/notification/draft-counts';
import { draftMarkdown } from '../../domain/notification/draft-markdown';
import { gdprArticleOf } from '../../domain/notification/duties';
import { notificationsByBreachIds } from '../../domain/notification/notification.repository';
import type { OrganizationRow } from '../../domain/organization/organization.rows';
import { AppError, badInput, notFound } from '../../errors/app-error';
import { Breach } from '../breach/breach.type';
import type { RequestContext } from '../context';
import { Organization } from '../organization/organization.type';
import { loadPaths, requireBreach, requireCategory, requireOrganization, requirePopulation, requireSystem } from '../require';
import { NotificationDraft } from './draft.type';
import { NotificationDraftArgs } from './notification.args';

/** What a draft resolves from: the assembled row, flattened for the GraphQL fields. */
type DraftRoot = NotificationDraftRow & Omit<NotificationDraftRow['nature'], 'techniques'> & { attackTechniques: string[] };

// Event kinds that record a measure taken (access cut, service closed, complaint, victim support).
const MEASURE_EVENTS = new Set(['SERVICE_DOWN', 'ACCESS_CUT', 'COMPLAINT_FILED', 'VICTIM_SUPPORT']);

/** Assembles one controller's Art. 33(3) draft from the record, the reach rule and its recorded notifications. */
async function assembleDraft(ctx: RequestContext, breachId: string, controllerId: string): Promise<NotificationDraftRow> {
  const breach = await requireBreach(ctx, breachId);
  const controller = await ctx.loaders.organization.load(controllerId);
  if (!controller) throw notFound('organization', controllerId);
  const paths = (await loadPaths(ctx, { breachId, asOf: null })).paths.filter((p) => p.controllerId === controllerId);
  if (paths.length === 0) throw badInput('controllerId', controllerId, `is not a controller that ${breachId} reaches`);
  const [events, exposures, compromised, figures, notifications, window, coverage] = await Promise.all([
    ctx.loaders.breachEvents.load(breachId),
    ctx.loaders.exposures.load(breachId),
    ctx.loaders.compromised.load(breachId),
    ctx.loaders.reportedFigures.load(breachId),
    notificationsByBreachIds(ctx.db, [breachId], controllerId).then((rows) => rows.map((r) => r.row)),
    draftWindow(ctx.db, breachId),
    ctx.loaders.portfolioCoverage.load(controllerId).then(portfolioKinds),
  ]);
  const populations = await Promise.all([...new Set(paths.map((p) => p.populationId))].map((id) => requirePopulation(ctx, id)));
  const subjectKinds = new Set(populations.map((p) => p.kind));
  const onPaths = new Set(paths.flatMap((p) => p.exposedCategoryIds));
  const categoryOf = async (e: (typeof exposures)[number]): Promise<DraftCategory> => ({
    categoryId: e.categoryId,
    name: (await requireCategory(ctx, e.categoryId)).name,
    status: e.status,
    scope: e.scope,
    scopeNote: e.scopeNote,
    sourceUrl: e.sourceUrl,
    confidence: e.confidence,
  });
  const mine = exposures.filter((e) => subjectKinds.has(e.subjects));
  const dataCategories = await Promise.all(mine.filter((e) => e.status !== 'NOT_EXPOSED' && onPaths.has(e.categoryId)).map(categoryOf));
  const notExposed = await Promise.all(mine.filter((e) => e.status === 'NOT_EXPOSED').map(categoryOf));
  const figure = figures.find((f) => f.aboutId === controllerId && f.metric === 'AFFECTED_PEOPLE');
  const reportedPeople: DraftFigure | null = figure ? { figureId: figure.id, value: figure.value, qualifier: figure.qualifier, text: figure.text, sourceUrl: figure.sourceUrl, confidence: figure.confidence } : null;
  // The window's counts are live (not the stored summaries): one live count from the caller's
  // budget per draft, however many days the window spans (they run as two statements).
  if ((coverage.synthetic || coverage.imported) && window.dates.length > 0) ctx.spendLiveCounts(1);
  const counted = coverage.synthetic || coverage.imported ? await controllerCounts(ctx.db, breachId, controllerId, window.dates) : { people: null, contracts: null };
  const controlled = ctx.audience !== 'EXACT';
  const { basis, note } = countBasisOf(coverage, reportedPeople, window);
  const { phase, note: phaseNote } = draftPhase(controllerId, notifications);
  const systems = await Promise.all(compromised.map(async (c) => (await requireSystem(ctx, c.systemId)).name));
  const own = notifications.filter((n) => n.actorId === controllerId);
  return {
    breachId,
    breachName: breach.name,
    controllerId,
    controllerName: controller.name,
    phase,
    phaseNote,
    nature: {
      summary: breach.summary,
      vector: breach.vector,
      techniques: breach.attackTechniques,
      systems,
      timeline: events.map((e) => ({ text: `${e.kind}${e.description ? `: ${e.description}` : ''}`, date: e.date, sourceUrl: e.sourceUrl, confidence: e.confidence })),
    },
    window: { from: window.from, to: window.to, exact: window.exact, relatedBreachId: window.relatedBreachId, note: window.note },
    dataSubjects: populations.map((p) => ({ populationId: p.id, name: p.name, kind: p.kind })),
    dataCategories,
    notExposed,
    countBasis: basis,
    people: disclosedRange(counted.people, window.exact, controlled, ctx.disclosure.minCell),
    records: disclosedRange(counted.contracts, window.exact, controlled, ctx.disclosure.minCell),
    reportedPeople,
    countNote: note,
    likelyConsequences: likelyConsequences(dataCategories.map((c) => c.categoryId)),
    measuresTaken: [
      ...events.filter((e) => MEASURE_EVENTS.has(e.kind)).map((e) => ({ text: `${e.kind}${e.description ? `: ${e.description}` : ''}`, date: e.date, sourceUrl: e.sourceUrl, confidence: e.confidence })),
      ...own.map((n) => ({ text: `${n.kind} (${gdprArticleOf(n.kind) ?? 'no GDPR article'})${n.description ? `: ${n.description}` : ''}`, date: n.date, sourceUrl: n.sourceUrl, confidence: n.confidence })),
    ],
    measuresProposed: [...PROPOSED_MEASURES],
    contactPoint: null,
    contactPointNote: 'the record holds no contact point; give the controller’s data protection officer (name, email, phone)',
  };
}

/** `notificationDraft`: the Art. 33(3) content for one controller. */
@Resolver(() => NotificationDraft)
export class NotificationDraftResolver {
  @Authorized()
  @Query(() => NotificationDraft, { description: 'The content Art. 33(3) requires one controller to give the CNIL about a breach: nature, categories and approximate number of people and records (ranges over the plausible dates when a date is unknown; reported or unknown when no portfolio is loaded), likely consequences, measures, contact point, and the phase (Art. 33(4)). Also as Markdown and JSON. An INSURER may draft only for itself (FORBIDDEN otherwise); REGULATOR for any controller, counts under disclosure control. NOT_FOUND for an unknown breach or organisation; BAD_USER_INPUT for a controller the breach does not reach.' })
  async notificationDraft(@Args(() => NotificationDraftArgs) { breachId, controllerId }: NotificationDraftArgs, @Ctx() ctx: RequestContext): Promise<DraftRoot> {
    // The tenant comes from the token: an insurer drafts its own notification only.
    if (ctx.tenant !== null && controllerId !== ctx.tenant) throw new AppError('FORBIDDEN', `An insurer drafts only its own notification: "${controllerId}" is not the token’s organisation.`);
    const row = await assembleDraft(ctx, breachId, controllerId);
    return { ...row, ...row.nature, attackTechniques: row.nature.techniques };
  }

  @FieldResolver(() => Breach, { description: 'The breach.' })
  breach(@Root() d: DraftRoot, @Ctx() ctx: RequestContext): BreachRow | Promise<BreachRow> {
    return requireBreach(ctx, d.breachId);
  }

  @FieldResolver(() => Organization, { description: 'The controller the draft is for.' })
  controller(@Root() d: DraftRoot, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, d.controllerId);
  }

  @FieldResolver(() => String, { description: 'The draft as Markdown, one section per item of Art. 33(3), ready to paste into the CNIL’s form.' })
  markdown(@Root() d: DraftRoot): string {
    return draftMarkdown(toRow(d));
  }

  @FieldResolver(() => String, { description: 'The draft as JSON text (the same content as the structured fields).' })
  json(@Root() d: DraftRoot): string {
    return JSON.stringify(toRow(d), null, 2);
  }
}

/** The draft row back from its flattened root. */
function toRow(d: DraftRoot): NotificationDraftRow {
  const { summary: _s, vector: _v, systems: _y, timeline: _t, attackTechniques: _a, ...row } = d;
  return row;
}
