import { ArgsType, Field, ID } from 'type-graphql';
import type { DutyOrder } from '../../domain/notification/duties';
import { DutyOrderEnum } from './notification.enums';

/** Arguments of `notifications`. */
@ArgsType()
export class NotificationsArgs {
  @Field(() => ID, { description: 'Breach id, e.g. `breach-almerys-2024`.' })
  breachId!: string;
}

/** Arguments of `notificationDuties`. */
@ArgsType()
export class NotificationDutiesArgs {
  @Field(() => ID, { description: 'Breach id, e.g. `breach-almerys-2024`.' })
  breachId!: string;

  @Field(() => DutyOrderEnum, { defaultValue: 'DEADLINE', description: 'Sort order: DEADLINE (unknown deadlines last), CONTROLLER (by name) or STATUS (most pressing first).' })
  orderBy!: DutyOrder;
}

/** Arguments of `notificationDraft`. */
@ArgsType()
export class NotificationDraftArgs {
  @Field(() => ID, { description: 'Breach id, e.g. `breach-almerys-2024`.' })
  breachId!: string;

  @Field(() => ID, { description: 'The controller (an insurer) the draft is for; an INSURER may name only itself.' })
  controllerId!: string;
}
