import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { NotificationKind, NotificationPhase, NotificationRow } from './notification.rows';

const Q = {
  byBreach: cypher('notification/notifications-by-breach-ids'),
  record: cypher('notification/record-notification'),
};

/**
 * The notifications of several breaches, keyed by breach id, in date order (unknown dates last).
 * `tenant` (an insurer) keeps those it gave or received; null keeps all.
 */
export async function notificationsByBreachIds(db: RequestDb, ids: string[], tenant: string | null): Promise<Array<{ key: string; row: NotificationRow }>> {
  const rows = await db.read<{ breachId: string; notification: NotificationRow }>(Q.byBreach, { ids, tenant });
  return rows.map((r) => ({ key: r.breachId, row: r.notification }));
}

/** A notification an insurer records about itself, already validated by the caller. */
export interface NewNotification {
  id: string;
  breachId: string;
  actorId: string;
  recipientId: string | null;
  kind: NotificationKind;
  date: string;
  phase: NotificationPhase | null;
  description: string | null;
  sourceUrl: string | null;
  confidence: 'H' | 'M' | 'L' | null;
  /** The token subject that recorded it. */
  recordedBy: string;
  /** ISO timestamp of the recording. */
  recordedAt: string;
}

/** The dataset recorded notifications are written under: one per recording insurer. */
export const recordedDataset = (actorId: string) => `recorded-notifications-${actorId}`;

/** Writes one recorded notification in one transaction (through the request's deadline). */
export async function recordNotification(db: RequestDb, n: NewNotification): Promise<void> {
  await db.writeAll([{ query: Q.record, params: { ...n, dataset: recordedDataset(n.actorId) } }]);
}
