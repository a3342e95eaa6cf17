import { ATTACK_TECHNIQUES } from '../breach/attack-techniques';
import { DETECTION_KINDS, INTRUSION_KINDS, PUBLIC_DISCLOSURE_KINDS } from '../../db/reach';
import type { OrganizationRow } from '../organization/organization.rows';
import { BreachExportRecord, datedRange, sourcesOf, sourceUrlOf, undatedBreach } from './breach-record';
import { uuidV5 } from './uuid-v5';

/** A STIX 2.1 object or bundle (JSON), as the published OASIS schemas describe it. */
export type StixObject = Record<string, unknown>;

/**
 * The record's confidence letters on STIX's 0–100 `confidence` scale, by the "None / Low / Med /
 * High" scale of STIX 2.1 (Appendix A, confidence scales): Low 15, Med 50, High 85.
 */
export const STIX_CONFIDENCE: Readonly<Record<'H' | 'M' | 'L', number>> = { H: 85, M: 50, L: 15 };

/** Prefix of this project's custom properties (STIX 2.1 §11.1: custom property names start `x_`). */
const X = 'x_breach_impact_';

/**
 * A deterministic STIX id: `type--` and the UUIDv5 of the breach id, the object type and our
 * local key. Ids are scoped to the breach (the same organisation in two breaches' bundles has two
 * ids, each bundle with its own `created`), so a re-export of one breach gives the same ids and
 * objects from different breaches never collide with different contents; the organisation's own
 * id is in `x_breach_impact_organization_id` for consumers that merge bundles.
 */
export function stixId(type: string, breachId: string, key: string): string {
  return `${type}--${uuidV5(`${breachId}/${type}/${key}`)}`;
}

/** Drops null and undefined values and empty arrays, recursively: STIX forbids empty lists and null-valued properties. */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = compact(v);
    }
    return out as T;
  }
  return value;
}

/** ATT&CK tactic names ("Initial Access") as kill-chain phase names ("initial-access"), the form ATT&CK's own STIX uses. */
function phasesOf(techniqueId: string): Array<{ kill_chain_name: string; phase_name: string }> {
  const tactic = ATTACK_TECHNIQUES[techniqueId]?.tactic;
  if (!tactic) return [];
  return tactic.split(',').map((t) => ({ kill_chain_name: 'mitre-attack', phase_name: t.trim().toLowerCase().replace(/\s+/g, '-') }));
}

/** The ATT&CK page of a technique: T1598.003 → https://attack.mitre.org/techniques/T1598/003/. */
function attackUrl(techniqueId: string): string {
  return `https://attack.mitre.org/techniques/${techniqueId.replace('.', '/')}/`;
}

/** An external reference for a source of the record: its web address, or its record reference when it has none. */
function sourceReference(source: string): Record<string, string> {
  const url = sourceUrlOf(source);
  return url ? { source_name: new URL(url).hostname, url } : { source_name: 'breach-impact', external_id: source, description: 'Source named in the breach-impact record without a web address.' };
}

/**
 * The breach as a STIX 2.1 bundle: the incident; an identity for the operator breached and, for
 * callers allowed to read them, for each insurer reached through it; an attack-pattern per
 * ATT&CK technique with its ATT&CK external reference and kill-chain phases; and relationships
 * (incident `targets` the operator, incident `uses` each attack-pattern, each attack-pattern
 * `targets` the operator, incident `impacts` each insurer). The record's confidence and the
 * "inferred" flag of a technique travel on the attack-pattern and on its `uses` relationship
 * (`confidence` 0–100 and `x_breach_impact_inferred`). Every `created` is the breach's first
 * dated event and every `modified` its last (midnight UTC, the record's precision is a day), so
 * the same record always gives the same bundle. No person-level data: the record holds none.
 */
export function toStixBundle(r: BreachExportRecord): StixObject {
  const range = datedRange(r.events);
  if (!range) throw undatedBreach(r.breach.id);
  const b = r.breach.id;
  const common = { spec_version: '2.1', created: `${range.first}T00:00:00.000Z`, modified: `${range.last}T00:00:00.000Z` };
  const conf = (c: string | null | undefined) => (c === 'H' || c === 'M' || c === 'L' ? STIX_CONFIDENCE[c] : null);
  const objects: StixObject[] = [];

  const identity = (org: OrganizationRow, sectors: string[]): StixObject => ({
    type: 'identity',
    id: stixId('identity', b, org.id),
    ...common,
    name: org.name,
    description: org.description,
    identity_class: 'organization',
    roles: org.roles.map((role) => role.toLowerCase().replace(/_/g, '-')),
    sectors,
    confidence: conf(org.confidence),
    [`${X}organization_id`]: org.id,
  });
  const relationship = (type: string, source: string, target: string, extra: Record<string, unknown> = {}): StixObject => ({
    type: 'relationship',
    id: stixId('relationship', b, `${type}/${source}/${target}`),
    ...common,
    relationship_type: type,
    source_ref: source,
    target_ref: target,
    ...extra,
  });

  const incidentId = stixId('incident', b, b);
  const dated = (kinds: readonly string[]) => r.events.filter((e) => kinds.includes(e.kind) && e.date).map((e) => e.date!).sort()[0] ?? null;
  objects.push({
    type: 'incident',
    id: incidentId,
    ...common,
    name: r.breach.name,
    description: r.breach.summary,
    external_references: sourcesOf(r).map(sourceReference),
    [`${X}breach_id`]: b,
    [`${X}key_dates`]: {
      intrusion: { known: dated(INTRUSION_KINDS) !== null, date: dated(INTRUSION_KINDS) },
      detection: { known: dated(DETECTION_KINDS) !== null, date: dated(DETECTION_KINDS) },
      disclosure: { known: dated(PUBLIC_DISCLOSURE_KINDS) !== null, date: dated(PUBLIC_DISCLOSURE_KINDS) },
    },
    [`${X}timeline`]: r.events.map((e) => ({ kind: e.kind, date: e.date, description: e.description, source: e.sourceUrl, confidence: e.confidence })),
    [`${X}vector`]: r.breach.vector,
    [`${X}ransomware`]: r.breach.ransomware,
    [`${X}exposures`]: r.exposures.map((e) => ({
      category: e.categoryId,
      category_name: r.categories.get(e.categoryId)?.name,
      subjects: e.subjects,
      status: e.status,
      scope: e.scope,
      scope_note: e.scopeNote,
      note: e.note,
      source: e.sourceUrl,
      confidence: e.confidence,
    })),
    [`${X}reported_figures`]: r.figures.map((f) => ({
      metric: f.metric,
      value: f.value,
      qualifier: f.qualifier,
      text: f.text,
      date: f.date,
      source: f.sourceUrl,
      confidence: f.confidence,
      shared_with_other_breaches: r.sharedFigureIds.has(f.id),
      caveats: f.caveats.map((c) => ({ text: c.text, source: c.sourceUrl, confidence: c.confidence })),
    })),
    [`${X}insurers_withheld`]: r.insurers === null,
  });

  const victimId = stixId('identity', b, r.victim.id);
  // Tiers-payant operators and insurers work in health insurance (industry-sector-ov "insurance").
  objects.push(identity(r.victim, r.victim.kind === 'TIERS_PAYANT_OPERATOR' ? ['insurance'] : []));
  objects.push(relationship('targets', incidentId, victimId, { description: `${r.breach.name}: the organisation breached.` }));

  (r.breach.attackTechniques ?? []).forEach((tid, i) => {
    const id = stixId('attack-pattern', b, tid);
    const inferred = r.breach.techniqueInferred?.[i] ?? false;
    const confidence = conf(r.breach.techniqueConfidences?.[i]);
    const source = r.breach.techniqueSources?.[i] || null;
    objects.push({
      type: 'attack-pattern',
      id,
      ...common,
      name: ATTACK_TECHNIQUES[tid]?.name ?? tid,
      external_references: [{ source_name: 'mitre-attack', external_id: tid, url: attackUrl(tid) }, ...(source ? [sourceReference(source)] : [])],
      kill_chain_phases: phasesOf(tid),
      confidence,
      [`${X}inferred`]: inferred,
    });
    objects.push(relationship('uses', incidentId, id, { confidence, [`${X}inferred`]: inferred, description: `${tid}${inferred ? ', inferred (not stated by a source)' : ''}.` }));
    objects.push(relationship('targets', id, victimId));
  });

  for (const reached of r.insurers ?? []) {
    const id = stixId('identity', b, reached.insurer.id);
    objects.push(identity(reached.insurer, ['insurance']));
    objects.push(
      relationship('impacts', incidentId, id, {
        description: `${reached.insurer.name}'s insured people reached through ${reached.through.map((o) => o.name).join(', ') || 'an unnamed processor'}.`,
        [`${X}bases`]: reached.bases,
        [`${X}through_organization_ids`]: reached.through.map((o) => o.id),
      }),
    );
  }
  return compact({ type: 'bundle', id: stixId('bundle', b, b), objects });
}
