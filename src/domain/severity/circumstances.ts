import { INTRUSION_KINDS } from '../../db/reach';
import { CB_SCORE } from './enisa-method';

/** One fact of the public record that sets (part of) a severity factor, with its provenance. */
export interface SeverityFact {
  /** What kind of record it is: VECTOR, TECHNIQUE, EVENT, COMPROMISED, RANSOMWARE, EXPOSURE. */
  kind: string;
  text: string;
  date: string | null;
  sourceUrl: string | null;
  confidence: 'H' | 'M' | 'L' | null;
}

/** One element of CB: its extent, its addition, whether the record states it, and the facts. */
export interface CircumstanceElement {
  /** The extent, in the method's words (e.g. UNKNOWN_RECIPIENTS, TEMPORARY, MALICIOUS, NONE). */
  extent: string;
  score: number;
  /** False when the record is silent and the element is scored 0 for want of a fact. */
  stated: boolean;
  explanation: string;
  facts: SeverityFact[];
}

/** The circumstances of a breach (CB): the four elements and their sum. */
export interface Circumstances {
  score: number;
  confidentiality: CircumstanceElement;
  integrity: CircumstanceElement;
  availability: CircumstanceElement;
  maliciousIntent: CircumstanceElement;
}

/** The parts of a breach's record that CB reads (rows of the breach, its events, techniques and systems). */
export interface BreachCircumstancesRecord {
  vector: string | null;
  ransomware: boolean | null;
  techniques: Array<{ id: string; inferred: boolean; sourceUrl: string | null; confidence: 'H' | 'M' | 'L' | null }>;
  events: Array<{ kind: string; date: string | null; description: string | null; sourceUrl: string | null; confidence: 'H' | 'M' | 'L' | null }>;
  compromised: Array<{ systemId: string; channelId: string | null; sourceUrl: string | null; confidence: 'H' | 'M' | 'L' | null }>;
}

const eventFact = (e: BreachCircumstancesRecord['events'][number]): SeverityFact => ({
  kind: 'EVENT',
  text: `${e.kind}: ${e.description ?? '(no description)'}`,
  date: e.date,
  sourceUrl: e.sourceUrl,
  confidence: e.confidence,
});

/**
 * CB of a breach, from its record (ENISA 2013, "circumstances of breach"; see enisa-method.ts).
 * Each element is set by facts and lists them; where the record is silent the element says so and
 * adds 0, the method's lowest extent, so that a silent record never raises a score:
 * - confidentiality: an intrusion (a vector, an ATT&CK technique, an intrusion or data-collection
 *   event, a compromised system) means the data went to attackers nobody has identified, who may pass them on: the
 *   method's widest extent, an unknown number of recipients (+0.5).
 * - integrity: the record's vocabulary has no event for altered data; silent (0).
 * - availability: a service closed (SERVICE_DOWN, ACCESS_CUT) or ransomware made the data
 *   unreachable for a time: temporary (+0.25). The record states no destroyed data.
 * - malicious intent: a stated attack vector or a technique a source states (not inferred), or
 *   ransomware: an intentional act (+0.5).
 */
export function circumstancesOf(record: BreachCircumstancesRecord): Circumstances {
  // The intrusion's own events (INTRUSION, DATA_COLLECTED), as the reference date names them.
  const collected = record.events.filter((e) => INTRUSION_KINDS.includes(e.kind)).map(eventFact);
  const vectorFact: SeverityFact[] = record.vector ? [{ kind: 'VECTOR', text: record.vector, date: null, sourceUrl: null, confidence: null }] : [];
  const systems: SeverityFact[] = record.compromised.map((c) => ({
    kind: 'COMPROMISED',
    text: `System ${c.systemId} compromised${c.channelId ? ` through ${c.channelId}` : ''}`,
    date: null,
    sourceUrl: c.sourceUrl,
    confidence: c.confidence,
  }));
  const stated = record.techniques.filter((t) => !t.inferred);
  const techniqueFacts: SeverityFact[] = stated.map((t) => ({ kind: 'TECHNIQUE', text: `ATT&CK ${t.id}`, date: null, sourceUrl: t.sourceUrl, confidence: t.confidence }));
  const ransomware: SeverityFact[] = record.ransomware === true ? [{ kind: 'RANSOMWARE', text: 'Ransomware was involved.', date: null, sourceUrl: null, confidence: null }] : [];

  const intrusion = [...vectorFact, ...techniqueFacts, ...collected, ...systems];
  const confidentiality: CircumstanceElement =
    intrusion.length > 0
      ? {
          extent: 'UNKNOWN_RECIPIENTS',
          score: CB_SCORE.confidentiality.UNKNOWN_RECIPIENTS,
          stated: true,
          explanation: 'Taken in an intrusion by attackers nobody has identified, who may pass the data on: disclosure to an unknown number of recipients (+0.5).',
          facts: intrusion,
        }
      : silent('confidentiality', 'The record states no intrusion, collection or compromised system: who received the data is not said. Scored 0.');

  const integrity = silent('integrity', 'The record is silent on alteration: no source says data were changed. Scored 0.');

  const closures = [...record.events.filter((e) => e.kind === 'SERVICE_DOWN' || e.kind === 'ACCESS_CUT').map(eventFact), ...ransomware];
  const availability: CircumstanceElement =
    closures.length > 0
      ? {
          extent: 'TEMPORARY',
          score: CB_SCORE.availability.TEMPORARY,
          stated: true,
          explanation: 'Services holding the data were closed or cut for a time; no source says data were destroyed: temporary unavailability (+0.25).',
          facts: closures,
        }
      : silent('availability', 'The record states no closure, outage or destruction. Scored 0.');

  const intent = [...vectorFact, ...techniqueFacts, ...ransomware];
  const maliciousIntent: CircumstanceElement =
    intent.length > 0
      ? { extent: 'MALICIOUS', score: CB_SCORE.maliciousIntent.MALICIOUS, stated: true, explanation: 'An attack, not an error: malicious intent (+0.5).', facts: intent }
      : silent('maliciousIntent', 'The record states no attack vector or technique: whether the breach was intentional is not said. Scored 0.');

  return {
    score: confidentiality.score + integrity.score + availability.score + maliciousIntent.score,
    confidentiality,
    integrity,
    availability,
    maliciousIntent,
  };
}

function silent(_element: string, explanation: string): CircumstanceElement {
  return { extent: 'NONE', score: 0, stated: false, explanation, facts: [] };
}
