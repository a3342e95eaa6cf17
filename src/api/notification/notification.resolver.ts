import crypto from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { checkDate } from '../../domain/common/date';
import type { BreachRow } from '../../domain/breach/breach.rows';
import { affectedInsurers } from '../../domain/impact/breakdown';
import { controllerDuty, ControllerDutyRow, gdprArticleOf, PeopleDecision, sortDuties } from '../../domain/notification/duties';
import { notificationsByBreachIds, recordNotification } from '../../domain/notification/notification.repository';
import type { NotificationRow } from '../../domain/notification/notification.rows';
import type { OrganizationRow } from '../../domain/organization/organization.rows';
import { AppError, badInput } from '../../errors/app-error';
import { AuditAttempt } from '../audit/audit-attempt';
import { Breach } from '../breach/breach.type';
import type { RequestContext } from '../context';
import { Organization } from '../organization/organization.type';
import { loadPaths, requireBreach, requireOrganization } from '../require';
import { NotificationDutiesArgs, NotificationsArgs } from './notification.args';
import { RecordNotificationInput } from './notification.input';
import { PeopleDecisionEnum } from './notification.enums';
import { ControllerDuty, Notification } from './notification.type';

const MAX_TEXT = 2000;
const MAX_SOURCE = 500;

/** A breach's notifications as this caller may see them: all for REGULATOR, its own (given or received) for an INSURER. */
async function visibleNotifications(ctx: RequestContext, breachId: string): Promise<NotificationRow[]> {
  await requireBreach(ctx, breachId);
  return (await notificationsByBreachIds(ctx.db, [breachId], ctx.tenant)).map((r) => r.row);
}

/** Checks a recording and returns the recipient to store; throws BAD_USER_INPUT or NOT_FOUND naming the argument. */
async function checkRecording(ctx: RequestContext, input: RecordNotificationInput): Promise<string | null> {
  checkDate('input.date', input.date);
  const today = new Date().toISOString().slice(0, 10);
  if (input.date > today) throw badInput('input.date', input.date, `is in the future (today is ${today})`);
  if (input.description != null && (typeof input.description !== 'string' || input.description.length > MAX_TEXT)) throw badInput('input.description', '(text)', `at most ${MAX_TEXT} characters`);
  if (input.sourceUrl != null && input.sourceUrl.length > MAX_SOURCE) throw badInput('input.sourceUrl', '(text)', `at most ${MAX_SOURCE} characters`);
  if (input.kind === 'PROCESSOR_TO_CONTROLLER') throw badInput('input.kind', input.kind, 'an insurer is the controller: its processor notifies it, it does not record that notice itself');
  if (input.phase != null && input.kind !== 'TO_SUPERVISORY_AUTHORITY') throw badInput('input.phase', input.phase, 'only a notification to the supervisory authority has a phase (Art. 33(4))');
  const toAuthority = input.kind === 'TO_SUPERVISORY_AUTHORITY' || input.kind === 'TO_OTHER_AUTHORITY';
  if (!toAuthority) {
    if (input.recipientId != null) throw badInput('input.recipientId', input.recipientId, `${input.kind} has no recipient organisation (the people concerned, or the public)`);
    return null;
  }
  const recipientId = input.recipientId ?? (input.kind === 'TO_SUPERVISORY_AUTHORITY' ? 'org-cnil' : null);
  if (recipientId === null) throw badInput('input.recipientId', null, 'name the authority told, e.g. org-anssi');
  const recipient = await ctx.loaders.organization.load(recipientId);
  if (!recipient) throw badInput('input.recipientId', recipientId, 'names no organisation of the graph');
  if (!recipient.roles.includes('AUTHORITY')) throw badInput('input.recipientId', recipientId, 'is not an authority');
  return recipientId;
}

/** The notification cascade: what was recorded, who owes what to whom, and an insurer's own recordings. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => [Notification], { description: 'The notification cascade of a breach, in date order (unknown dates last): processor to controller, controller to the CNIL, to the people, public statements. REGULATOR sees all; an INSURER sees those it gave or received. NOT_FOUND for an unknown breach.' })
  notifications(@Args(() => NotificationsArgs) { breachId }: NotificationsArgs, @Ctx() ctx: RequestContext): Promise<NotificationRow[]> {
    return visibleNotifications(ctx, breachId);
  }

  @Authorized()
  @Query(() => [ControllerDuty], { description: 'REGULATOR: every insurer (data controller of insured people) the breach reaches, with its awareness date and basis, its CNIL deadline (awareness + 72 h), whether a notification is recorded in time, and whether the people were told. Unknowns are null with the reason in words, never guessed. NOT_FOUND for an unknown breach.' })
  async notificationDuties(@Args(() => NotificationDutiesArgs) { breachId, orderBy }: NotificationDutiesArgs, @Ctx() ctx: RequestContext): Promise<ControllerDutyRow[]> {
    await requireBreach(ctx, breachId);
    // The controllers come from the one reach rule (impact paths on the breach's own date).
    const [paths, notifications] = await Promise.all([loadPaths(ctx, { breachId, asOf: null }), visibleNotifications(ctx, breachId)]);
    const controllers = affectedInsurers([breachId], [paths]).map((a) => a.insurerId);
    const duties = controllers.map((id) => controllerDuty(breachId, id, notifications));
    const orgs = await Promise.all(controllers.map((id) => requireOrganization(ctx, id)));
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    return sortDuties(duties, orderBy, (id) => names.get(id) ?? id);
  }

  @Authorized()
  @UseMiddleware(AuditAttempt)
  @Mutation(() => Notification, { description: 'INSURER: records a notification it gave about a breach (to the CNIL, another authority, its members, or a public statement). The actor must be the token’s own organisation (FORBIDDEN otherwise); every attempt, done or refused, is audited (outcome WRITTEN or REFUSED). Bad input is BAD_USER_INPUT naming the argument; an unknown breach NOT_FOUND.' })
  async recordNotification(
    @Arg('input', () => RecordNotificationInput, { description: 'The notification.' }) input: RecordNotificationInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NotificationRow> {
    const actorId = ctx.tenant;
    // The tenant comes from the token, never from an argument: another actor is refused outright.
    if (actorId === null || input.actorId !== actorId) throw new AppError('FORBIDDEN', `An insurer records only its own notifications: actorId "${input.actorId}" is not the token’s organisation.`, { argument: 'input.actorId' });
    const recipientId = await checkRecording(ctx, input);
    await requireBreach(ctx, input.breachId);
    const row: NotificationRow = {
      id: `notif-recorded-${crypto.randomUUID()}`,
      breachId: input.breachId,
      kind: input.kind,
      actorId,
      recipientId,
      date: input.date,
      phase: input.phase ?? null,
      description: input.description ?? null,
      sourceUrl: input.sourceUrl ?? null,
      confidence: input.confidence ?? null,
      recordedAt: new Date().toISOString(),
    };
    const principal = ctx.principal;
    await recordNotification(ctx.db, { ...row, date: input.date, recordedBy: principal.kind === 'user' ? principal.subject : 'anonymous', recordedAt: row.recordedAt! });
    // Recorded after the write, before the answer leaves: a lost record fails the request.
    await ctx.audit.written(info, { input: { ...input } }, 1);
    return row;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The GDPR article it answers.' })
  gdprArticle(@Root() n: NotificationRow): string | null {
    return gdprArticleOf(n.kind);
  }

  @FieldResolver(() => Breach, { description: 'The breach.' })
  breach(@Root() n: NotificationRow, @Ctx() ctx: RequestContext): BreachRow | Promise<BreachRow> {
    return requireBreach(ctx, n.breachId);
  }

  @FieldResolver(() => Organization, { description: 'Who gave it.' })
  actor(@Root() n: NotificationRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, n.actorId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Whom it was given to; null for the people concerned and the public.' })
  recipient(@Root() n: NotificationRow, @Ctx() ctx: RequestContext): OrganizationRow | null | Promise<OrganizationRow> {
    return n.recipientId === null ? null : requireOrganization(ctx, n.recipientId);
  }
}

/** Relation fields of a controller's duties. */
@Resolver(() => ControllerDuty)
export class ControllerDutyResolver {
  @FieldResolver(() => Organization, { description: 'The controller (an insurer).' })
  controller(@Root() d: ControllerDutyRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, d.controllerId);
  }

  @FieldResolver(() => Breach, { description: 'The breach.' })
  breach(@Root() d: ControllerDutyRow, @Ctx() ctx: RequestContext): BreachRow | Promise<BreachRow> {
    return requireBreach(ctx, d.breachId);
  }

  @FieldResolver(() => String, { description: 'The deadline in words: the date and how it follows, or "unknown" and why.' })
  cnilDeadlineText(@Root() d: ControllerDutyRow): string {
    return d.cnilDeadline === null ? 'unknown: the date the controller became aware is not recorded' : `${d.cnilDeadline}: 72 hours from awareness on ${d.awarenessDate}`;
  }

  @FieldResolver(() => Notification, { nullable: true, description: 'The processor’s notification the awareness date comes from; null when awareness is unknown.' })
  awarenessNotification(@Root() d: ControllerDutyRow): NotificationRow | null {
    return d.awarenessNotification;
  }

  @FieldResolver(() => [Notification], { description: 'The controller’s own notifications to the CNIL, in date order.' })
  cnilNotifications(@Root() d: ControllerDutyRow): NotificationRow[] {
    return d.cnilNotifications;
  }

  @FieldResolver(() => [Notification], { description: 'The controller’s notifications of the people concerned (Art. 34).' })
  peopleNotifications(@Root() d: ControllerDutyRow): NotificationRow[] {
    return d.peopleNotifications;
  }

  @FieldResolver(() => PeopleDecisionEnum, { description: 'Art. 34: whether a notification of the people by this controller is recorded.' })
  peopleNotification(@Root() d: ControllerDutyRow): PeopleDecision {
    return d.peopleDecision;
  }

  @FieldResolver(() => String, { description: 'Whether the people were told, in words.' })
  peopleNotificationText(@Root() d: ControllerDutyRow): string {
    if (d.peopleDecision === 'NOT_RECORDED') return 'no notification of the people by this controller is recorded';
    return d.peopleNotifiedOn === null ? 'the people were told; the date is unknown' : `the people were told on ${d.peopleNotifiedOn}`;
  }
}
