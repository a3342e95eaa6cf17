import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import type { AwarenessBasis, DutyStatus } from '../../domain/notification/duties';
import type { NotificationKind, NotificationPhase } from '../../domain/notification/notification.rows';
import { Sourced } from '../common/sourced.type';
import { AwarenessBasisEnum, DutyStatusEnum, NotificationKindEnum, NotificationPhaseEnum } from './notification.enums';

/** One notification of a breach's cascade. */
@ObjectType({ description: 'One notification of a breach’s cascade: who (actor) told whom (recipient), when, of which kind, with its source and confidence.' })
export class Notification extends Sourced {
  @Field(() => ID, { description: 'Stable id (`notif-…`).' })
  id!: string;

  @Field(() => NotificationKindEnum, { description: 'What kind of notification, hence which GDPR duty it answers.' })
  kind!: NotificationKind;

  @Field(() => String, { nullable: true, description: 'The GDPR article it answers (`Art. 33(2)`, `Art. 33(1)`, `Art. 34`); null for public statements and other authorities.' })
  gdprArticle!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was given; null when the record does not say.' })
  date!: string | null;

  @Field(() => NotificationPhaseEnum, { nullable: true, description: 'For a notification to the CNIL: INITIAL or COMPLEMENTARY (Art. 33(4)); null when unknown or not applicable.' })
  phase!: NotificationPhase | null;

  @Field(() => String, { nullable: true, description: 'What the source says.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'When an insurer recorded it through `recordNotification` (ISO timestamp); null for the public record loaded from the seeds.' })
  recordedAt!: string | null;
}

/** One controller's notification duties for a breach. */
@ObjectType({ description: 'One controller’s notification duties for a breach: awareness, the 72-hour CNIL deadline, whether it was met, and whether the people were told. Unknowns are null, with the reason in words.' })
export class ControllerDuty {
  @Field(() => LocalDate, { nullable: true, description: 'When the controller became aware; null when unknown (see awarenessBasis).' })
  awarenessDate!: string | null;

  @Field(() => AwarenessBasisEnum, { description: 'Where the awareness date comes from; UNKNOWN when the record gives none.' })
  awarenessBasis!: AwarenessBasis;

  @Field(() => LocalDate, { nullable: true, description: 'Awareness + 72 hours (Art. 33(1)), as a day: the record gives days, not hours. Null when awareness is unknown (see cnilDeadlineText).' })
  cnilDeadline!: string | null;

  @Field(() => String, { description: 'The deadline in words: the date and how it follows, or "unknown" and why.' })
  cnilDeadlineText!: string;

  @Field(() => DutyStatusEnum, { description: 'ON_TIME, LATE, NOT_RECORDED, or UNKNOWN when a notification is recorded but timeliness cannot be told.' })
  status!: DutyStatus;

  @Field(() => String, { description: 'The status in words, unknowns said as unknown.' })
  statusNote!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The first dated notification of the people; null when none is recorded or its date is unknown.' })
  peopleNotifiedOn!: string | null;
}
