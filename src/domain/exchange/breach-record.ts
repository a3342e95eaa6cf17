import type { BreachEventRow, BreachRow, ExposureRow, ReportedFigureRow } from '../breach/breach.rows';
import type { AccessChannelRow, DataCategoryRow, SystemRow } from '../catalogue/catalogue.rows';
import type { OrganizationRow } from '../organization/organization.rows';
import { AppError, badInput } from '../../errors/app-error';

/** A system the breach compromised, with the way in (null when unknown) and the provenance of the fact. */
export interface CompromisedSystemRecord {
  system: SystemRow;
  channel: AccessChannelRow | null;
  sourceUrl: string | null;
  confidence: 'H' | 'M' | 'L' | null;
}

/** An insurer (controller of insured people) the reach rule finds behind a breach, and the operators it is reached through. */
export interface ReachedInsurerRecord {
  insurer: OrganizationRow;
  /** Operators (processors) on the insurer's paths, by organisation. */
  through: OrganizationRow[];
  /** ACTIVE and/or RETAINED: whether the flow was in force or the data kept after it ended. */
  bases: Array<'ACTIVE' | 'RETAINED'>;
}

/**
 * Everything an exchange-format export of one breach is mapped from: the public record of the
 * breach as the API reads it, and nothing about people. The mappers (to-veris, to-stix) are
 * pure functions of this, so a re-export of the same record gives the same document.
 */
export interface BreachExportRecord {
  breach: BreachRow;
  /** The organisation breached (the operator). */
  victim: OrganizationRow;
  /** Every event, dated ones in date order, undated ones last (as `Breach.timeline`). */
  events: BreachEventRow[];
  /** What the breach exposed, claimed or did not expose, per kind of data subject. */
  exposures: ExposureRow[];
  /** The data categories the exposures name, by id. */
  categories: ReadonlyMap<string, DataCategoryRow>;
  compromised: CompromisedSystemRecord[];
  /** Figures reported about the breach, each with its source and caveats. */
  figures: ReportedFigureRow[];
  /**
   * Ids of `figures` that the record also attaches to another breach (same value, source and
   * date): one figure for several breaches (e.g. the CNIL's 33 million for both), never a
   * per-breach total.
   */
  sharedFigureIds: ReadonlySet<string>;
  /**
   * Insurers reached (from the impact paths, the single reach rule), or null when the caller may
   * not read them (the role policy of `affectedInsurers`): then the export says they are withheld.
   */
  insurers: ReachedInsurerRecord[] | null;
}

/** The breach's dated events' range, the basis of every timestamp of an export; null when no event is dated. */
export function datedRange(events: readonly BreachEventRow[]): { first: string; last: string } | null {
  const dates = events.map((e) => e.date).filter((d): d is string => d !== null).sort();
  return dates.length === 0 ? null : { first: dates[0], last: dates[dates.length - 1] };
}

/**
 * Figures of `figuresByBreach[breachId]` that another breach of the map carries too (same metric,
 * value, source and date): a single figure the record states for several breaches at once.
 */
export function sharedFigureIdsOf(breachId: string, figuresByBreach: ReadonlyMap<string, readonly ReportedFigureRow[]>): Set<string> {
  const key = (f: ReportedFigureRow) => JSON.stringify([f.metric, f.value, f.sourceUrl, f.date, f.text]);
  const elsewhere = new Set<string>();
  for (const [id, figures] of figuresByBreach) if (id !== breachId) for (const f of figures) elsewhere.add(key(f));
  return new Set((figuresByBreach.get(breachId) ?? []).filter((f) => elsewhere.has(key(f))).map((f) => f.id));
}

/**
 * The address of a source reference as a URL, or null when it is not a web address
 * (`seed-article:…`, `facts-sheet:…`). Sources are stored without their scheme.
 */
export function sourceUrlOf(source: string | null): string | null {
  if (!source) return null;
  if (/^https?:\/\//.test(source)) return source;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(source) ? `https://${source}` : null;
}

/** Every distinct source the record cites, in first-seen order (events, techniques, systems, exposures, figures, caveats). */
export function sourcesOf(r: BreachExportRecord): string[] {
  const all = [
    ...r.events.map((e) => e.sourceUrl),
    ...(r.breach.techniqueSources ?? []),
    ...r.compromised.map((c) => c.sourceUrl),
    ...r.exposures.map((e) => e.sourceUrl),
    ...r.figures.flatMap((f) => [f.sourceUrl, ...f.caveats.map((c) => c.sourceUrl)]),
  ];
  return [...new Set(all.filter((s): s is string => !!s))];
}

/**
 * BAD_USER_INPUT for a breach whose record dates no event: VERIS needs the incident's year and
 * STIX every object's `created`, and neither may be invented.
 */
export function undatedBreach(breachId: string): AppError {
  return badInput('breachId', breachId, 'the breach has no dated event, and an export needs one (VERIS timeline.incident.year, STIX created/modified)');
}
