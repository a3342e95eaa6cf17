import type { NotificationKind, NotificationRow } from './notification.rows';

/**
 * The GDPR article a kind of notification answers: Art. 33(2) processor to controller (without
 * undue delay), Art. 33(1) controller to the supervisory authority (72 hours from awareness),
 * Art. 34 controller to the people (when the risk is high); null for notices with no GDPR duty
 * (public statements, other authorities such as ANSSI).
 */
export function gdprArticleOf(kind: NotificationKind): string | null {
  switch (kind) {
    case 'PROCESSOR_TO_CONTROLLER':
      return 'Art. 33(2)';
    case 'TO_SUPERVISORY_AUTHORITY':
      return 'Art. 33(1)';
    case 'TO_DATA_SUBJECTS':
      return 'Art. 34';
    default:
      return null;
  }
}

/** Hours a controller has, from awareness, to notify the supervisory authority (Art. 33(1)). */
export const CNIL_DEADLINE_HOURS = 72;

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Where a controller's awareness date comes from. */
export type AwarenessBasis = 'PROCESSOR_NOTIFIED' | 'UNKNOWN';

/** Whether the Art. 33(1) notification is recorded, and in time. */
export type DutyStatus = 'ON_TIME' | 'LATE' | 'NOT_RECORDED' | 'UNKNOWN';

/** What the record says of the people being told (Art. 34). */
export type PeopleDecision = 'NOTIFIED' | 'NOT_RECORDED';

/** One controller's notification duties for one breach, as the record (and its own recordings) states them. */
export interface ControllerDutyRow {
  breachId: string;
  controllerId: string;
  awarenessDate: string | null;
  awarenessBasis: AwarenessBasis;
  /** The processor's notification the awareness date comes from, if any. */
  awarenessNotification: NotificationRow | null;
  /** Awareness plus 72 hours, as a day; null when awareness is unknown. */
  cnilDeadline: string | null;
  /** The controller's own notifications to the supervisory authority, in date order. */
  cnilNotifications: NotificationRow[];
  status: DutyStatus;
  /** The status in words, unknowns said as unknown. */
  statusNote: string;
  peopleDecision: PeopleDecision;
  /** The first dated notification of the people; null when none is recorded or none is dated. */
  peopleNotifiedOn: string | null;
  peopleNotifications: NotificationRow[];
}

const byDate = (a: NotificationRow, b: NotificationRow) => (a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : a.id < b.id ? -1 : 1;
const firstDated = (rows: NotificationRow[]) => rows.filter((n) => n.date !== null).sort(byDate)[0] ?? null;

/**
 * The duties of one controller reached by a breach, from the breach's notifications:
 * - awareness: the earliest dated notification its processor gave it (Art. 33(2)); a processor
 *   notice without a date, or none at all, leaves awareness UNKNOWN;
 * - the CNIL deadline: awareness + 72 hours. The record gives days, not hours, so the deadline
 *   is the third day after awareness, and a notification on that day counts as ON_TIME;
 * - status: NOT_RECORDED when the controller has no notification to the supervisory authority;
 *   UNKNOWN when it has one but its date or the awareness date is unknown; else ON_TIME or LATE
 *   from its first dated one;
 * - people (Art. 34): NOTIFIED when a notification of the people by the controller is recorded
 *   (dated or not), else NOT_RECORDED.
 */
export function controllerDuty(breachId: string, controllerId: string, notifications: readonly NotificationRow[]): ControllerDutyRow {
  const told = notifications.filter((n) => n.kind === 'PROCESSOR_TO_CONTROLLER' && n.recipientId === controllerId);
  const awareness = firstDated(told);
  const awarenessDate = awareness?.date ?? null;
  const cnilDeadline = awarenessDate === null ? null : addDays(awarenessDate, CNIL_DEADLINE_HOURS / 24);
  const cnil = notifications.filter((n) => n.kind === 'TO_SUPERVISORY_AUTHORITY' && n.actorId === controllerId).sort(byDate);
  const people = notifications.filter((n) => n.kind === 'TO_DATA_SUBJECTS' && n.actorId === controllerId).sort(byDate);
  const first = firstDated(cnil);
  let status: DutyStatus;
  let statusNote: string;
  if (cnil.length === 0) {
    status = 'NOT_RECORDED';
    statusNote = cnilDeadline === null ? 'no notification to the CNIL is recorded; the deadline is unknown because the awareness date is unknown' : `no notification to the CNIL is recorded; the deadline was ${cnilDeadline}`;
  } else if (first === null) {
    status = 'UNKNOWN';
    statusNote = 'a notification to the CNIL is recorded, but not its date';
  } else if (cnilDeadline === null) {
    status = 'UNKNOWN';
    statusNote = `notified the CNIL on ${first.date}; whether in time is unknown because the awareness date is unknown`;
  } else {
    status = first.date! <= cnilDeadline ? 'ON_TIME' : 'LATE';
    statusNote = `notified the CNIL on ${first.date}; deadline ${cnilDeadline} (aware ${awarenessDate})`;
  }
  return {
    breachId,
    controllerId,
    awarenessDate,
    awarenessBasis: awareness ? 'PROCESSOR_NOTIFIED' : 'UNKNOWN',
    awarenessNotification: awareness,
    cnilDeadline,
    cnilNotifications: cnil,
    status,
    statusNote,
    peopleDecision: people.length > 0 ? 'NOTIFIED' : 'NOT_RECORDED',
    peopleNotifiedOn: firstDated(people)?.date ?? null,
    peopleNotifications: people,
  };
}

/** How the duties view is sorted. */
export type DutyOrder = 'DEADLINE' | 'CONTROLLER' | 'STATUS';

const STATUS_RANK: Record<DutyStatus, number> = { LATE: 0, NOT_RECORDED: 1, UNKNOWN: 2, ON_TIME: 3 };

/**
 * Sorts duties: DEADLINE earliest first with unknown deadlines last; CONTROLLER by name; STATUS
 * the most pressing first (LATE, NOT_RECORDED, UNKNOWN, ON_TIME). Ties go by controller name,
 * then id, so the order is stable.
 */
export function sortDuties(duties: readonly ControllerDutyRow[], order: DutyOrder, nameOf: (id: string) => string): ControllerDutyRow[] {
  const name = (d: ControllerDutyRow) => nameOf(d.controllerId);
  const tie = (a: ControllerDutyRow, b: ControllerDutyRow) => name(a).localeCompare(name(b), 'fr') || a.controllerId.localeCompare(b.controllerId);
  const deadline = (d: ControllerDutyRow) => d.cnilDeadline ?? '9999-12-31';
  return [...duties].sort((a, b) => {
    if (order === 'DEADLINE') return deadline(a).localeCompare(deadline(b)) || tie(a, b);
    if (order === 'STATUS') return STATUS_RANK[a.status] - STATUS_RANK[b.status] || tie(a, b);
    return tie(a, b);
  });
}
