import type { ProvenanceRow } from '../common/provenance';
import type { VocabularyValue } from '../common/vocabulary';

/** Kind of a notification: which GDPR duty, if any, it answers (see {@link gdprArticleOf}). */
export type NotificationKind = VocabularyValue<'notificationKind'>;

/** Phase of a notification to the CNIL (Art. 33(4)). */
export type NotificationPhase = VocabularyValue<'notificationPhase'>;

/** One notification of a breach's cascade (cypher/notification/notifications-by-breach-ids). */
export interface NotificationRow extends ProvenanceRow {
  id: string;
  breachId: string;
  kind: NotificationKind;
  actorId: string;
  /** Null for the people concerned and the public. */
  recipientId: string | null;
  /** Null when the record does not say. */
  date: string | null;
  phase: NotificationPhase | null;
  description: string | null;
  /** When an insurer recorded it through the API; null for the public record (seeds). */
  recordedAt: string | null;
}
