import { registerEnumType } from 'type-graphql';
import { SEED_ENUMS } from '../../domain/common/vocabulary';

/** `{ VALUE: 'VALUE' }` for type-graphql's enum registration. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/** Kind of notification (the seed vocabulary's `notificationKind`). */
export const NotificationKindEnum = enumOf(SEED_ENUMS.notificationKind);
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'Who tells whom about a breach, and which GDPR duty it answers.',
  valuesConfig: {
    PROCESSOR_TO_CONTROLLER: { description: 'Art. 33(2): the processor (an operator) tells its controller (an insurer), without undue delay.' },
    TO_SUPERVISORY_AUTHORITY: { description: 'Art. 33(1) when the actor is the controller: to the CNIL, within 72 hours of becoming aware.' },
    TO_OTHER_AUTHORITY: { description: 'To another authority (ANSSI, a prosecutor): no GDPR deadline.' },
    TO_DATA_SUBJECTS: { description: 'Art. 34: the controller tells the people concerned (required when the risk to them is high).' },
    PUBLIC_STATEMENT: { description: 'A public notice or statement.' },
  },
});

/** Phase of a notification to the CNIL. */
export const NotificationPhaseEnum = enumOf(SEED_ENUMS.notificationPhase);
registerEnumType(NotificationPhaseEnum, {
  name: 'NotificationPhase',
  description: 'Art. 33(4): the information may be given in phases.',
  valuesConfig: {
    INITIAL: { description: 'The first notification.' },
    COMPLEMENTARY: { description: 'A later notification completing an earlier one.' },
  },
});

/** Where a controller's awareness date comes from. */
export const AwarenessBasisEnum = enumOf(['PROCESSOR_NOTIFIED', 'UNKNOWN'] as const);
registerEnumType(AwarenessBasisEnum, {
  name: 'AwarenessBasis',
  description: 'Where a controller’s awareness date comes from.',
  valuesConfig: {
    PROCESSOR_NOTIFIED: { description: 'The date its processor informed it (Art. 33(2)), as recorded.' },
    UNKNOWN: { description: 'The record gives no date the controller became aware.' },
  },
});

/** Status of a controller's Art. 33(1) duty. */
export const DutyStatusEnum = enumOf(['ON_TIME', 'LATE', 'NOT_RECORDED', 'UNKNOWN'] as const);
registerEnumType(DutyStatusEnum, {
  name: 'DutyStatus',
  description: 'Whether the controller’s notification to the CNIL is recorded, and in time.',
  valuesConfig: {
    ON_TIME: { description: 'Notified by the deadline (on the deadline day included: the record gives days, not hours).' },
    LATE: { description: 'Notified after the deadline.' },
    NOT_RECORDED: { description: 'No notification to the CNIL is recorded for this controller.' },
    UNKNOWN: { description: 'A notification is recorded, but its date or the awareness date is unknown, so timeliness is unknown.' },
  },
});

/** What the record says of the people being told. */
export const PeopleDecisionEnum = enumOf(['NOTIFIED', 'NOT_RECORDED'] as const);
registerEnumType(PeopleDecisionEnum, {
  name: 'PeopleNotificationDecision',
  description: 'Art. 34: whether the controller told the people concerned, as recorded.',
  valuesConfig: {
    NOTIFIED: { description: 'A notification of the people by this controller is recorded (its date may be unknown).' },
    NOT_RECORDED: { description: 'No notification of the people by this controller is recorded.' },
  },
});

/** Sort order of the duties view. */
export const DutyOrderEnum = enumOf(['DEADLINE', 'CONTROLLER', 'STATUS'] as const);
registerEnumType(DutyOrderEnum, {
  name: 'DutyOrder',
  description: 'How `notificationDuties` is sorted.',
  valuesConfig: {
    DEADLINE: { description: 'Earliest CNIL deadline first; unknown deadlines last.' },
    CONTROLLER: { description: 'By controller name.' },
    STATUS: { description: 'Most pressing first: LATE, NOT_RECORDED, UNKNOWN, ON_TIME.' },
  },
});
