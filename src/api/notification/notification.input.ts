import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import type { NotificationKind, NotificationPhase } from '../../domain/notification/notification.rows';
import { SourcedInput } from '../breach/breach.input';
import { NotificationKindEnum, NotificationPhaseEnum } from './notification.enums';

/** A notification an insurer records about itself. */
@InputType({ description: 'A notification an insurer gave about a breach: to the CNIL (Art. 33(1)), to another authority, to its members (Art. 34), or a public statement. The actor must be the token’s own organisation.' })
export class RecordNotificationInput extends SourcedInput {
  @Field(() => ID, { description: 'The breach, e.g. `breach-almerys-2024`.' })
  breachId!: string;

  @Field(() => ID, { description: 'Who gave the notification: must be the token’s organisation (FORBIDDEN otherwise).' })
  actorId!: string;

  @Field(() => NotificationKindEnum, { description: 'What kind; PROCESSOR_TO_CONTROLLER is refused (an insurer is the controller, its processor reports to it).' })
  kind!: NotificationKind;

  @Field(() => ID, { nullable: true, description: 'Whom it was given to: an authority (`org-cnil`, `org-anssi`) for TO_SUPERVISORY_AUTHORITY (default `org-cnil`) and TO_OTHER_AUTHORITY; none for TO_DATA_SUBJECTS and PUBLIC_STATEMENT.' })
  recipientId?: string | null;

  @Field(() => LocalDate, { description: 'When it was given (YYYY-MM-DD); not in the future.' })
  date!: string;

  @Field(() => NotificationPhaseEnum, { nullable: true, description: 'For TO_SUPERVISORY_AUTHORITY only: INITIAL or COMPLEMENTARY (Art. 33(4)).' })
  phase?: NotificationPhase | null;

  @Field(() => String, { nullable: true, description: 'What was said, at most 2,000 characters; never a NIR (masked in the audit trail anyway).' })
  description?: string | null;
}
