import type { BreachEventRow, ReportedFigureRow } from '../breach/breach.rows';
import { DETECTION_KINDS, INTRUSION_KINDS } from '../../db/reach';
import { ATTACK_TECHNIQUES } from '../breach/attack-techniques';
import { BreachExportRecord, sourcesOf, sourceUrlOf, undatedBreach } from './breach-record';
import {
  ACTION_BY_TECHNIQUE,
  ASSET_VARIETY_BY_SYSTEM_KIND,
  DATA_VARIETY_BY_CATEGORY,
  DATA_VICTIM_BY_SUBJECTS,
  durationUnit,
  NAICS_BY_ORGANIZATION_KIND,
  VERIS_SCHEMA_VERSION,
} from './veris-mapping';

/** A VERIS incident record (JSON), as the published verisc.json describes it. */
export type VerisIncident = Record<string, unknown>;

const DAY_MS = 86_400_000;

/** The earliest dated event of `kinds`, or null. */
function earliest(events: readonly BreachEventRow[], kinds: readonly string[]): BreachEventRow | null {
  return events.filter((e) => kinds.includes(e.kind) && e.date !== null).sort((a, b) => a.date!.localeCompare(b.date!))[0] ?? null;
}

/** Whole days from `a` to `b` (YYYY-MM-DD). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** "2024-01-22 (M, mutaero.net/…)": a dated fact with its confidence and source, for notes. */
function cite(e: { date?: string | null; confidence: string | null; sourceUrl: string | null }): string {
  return `${e.date ?? 'undated'} (${e.confidence ?? 'confidence unknown'}, ${e.sourceUrl ?? 'source unknown'})`;
}

/** "more than 33,000,000" for a figure. */
function figureText(f: ReportedFigureRow): string {
  const q: Record<string, string> = { MORE_THAN: 'more than ', FEWER_THAN: 'fewer than ', ABOUT: 'about ', EXACT: '' };
  const value = f.value === null ? 'an unstated number' : f.value.toLocaleString('en-US');
  return `${f.qualifier ? q[f.qualifier] ?? '' : ''}${value}`;
}

/**
 * The VERIS `timeline`: `incident` is the earliest dated intrusion or data-collection event at
 * the precision the record gives (year, month, day); when the record dates no intrusion, only the
 * year of the breach's earliest dated event (an upper bound), said so in `plus`. Durations are
 * given only as far as the record supports them: the compromise may have begun before the first
 * dated collection, so the time to discovery is "Unknown" (its lower bound goes to `plus`);
 * containment (detection to access cut) gets a unit, and a value only when the sources agree.
 */
function timelineOf(r: BreachExportRecord): { timeline: Record<string, unknown>; basis: Record<string, unknown> } {
  const intrusion = earliest(r.events, INTRUSION_KINDS);
  const anyDated = earliest(r.events, r.events.map((e) => e.kind));
  const detection = earliest(r.events, DETECTION_KINDS);
  const basis: Record<string, unknown> = {};
  let incident: Record<string, number>;
  if (intrusion) {
    const [y, m, d] = intrusion.date!.split('-').map(Number);
    incident = { year: y, month: m, day: d };
    basis.incident = `earliest dated ${intrusion.kind} event ${cite(intrusion)}; the compromise began no later than this day`;
  } else if (anyDated) {
    incident = { year: Number(anyDated.date!.slice(0, 4)) };
    basis.incident = `intrusion date unknown in the record; year of the earliest dated event (${anyDated.kind} ${cite(anyDated)}), an upper bound`;
  } else {
    // VERIS requires a year; a record with no dated event cannot give one honestly.
    throw undatedBreach(r.breach.id);
  }
  const timeline: Record<string, unknown> = { incident, compromise: { unit: 'Unknown' }, exfiltration: { unit: 'Unknown' }, discovery: { unit: 'Unknown' } };
  if (intrusion && detection) basis.discovery_at_least_days = daysBetween(intrusion.date!, detection.date!);
  const cuts = r.events.filter((e) => e.kind === 'ACCESS_CUT' && e.date !== null);
  if (detection && cuts.length > 0) {
    const gaps = [...new Set(cuts.map((c) => daysBetween(detection.date!, c.date!)))];
    const max = Math.max(...gaps);
    timeline.containment = gaps.length === 1 ? { unit: durationUnit(max), value: max } : { unit: durationUnit(max) };
    basis.containment = `from detection ${cite(detection)} to professionals' access cut: ${cuts.map(cite).join(' vs ')}`;
  } else {
    timeline.containment = { unit: 'Unknown' };
  }
  return { timeline, basis };
}

/** The VERIS `action`: social and hacking, from the ATT&CK techniques and the access channels. */
function actionOf(r: BreachExportRecord): Record<string, unknown> {
  const techniques = r.breach.attackTechniques ?? [];
  const cited = (id: string, i: number) =>
    `ATT&CK ${id}${ATTACK_TECHNIQUES[id] ? ` (${ATTACK_TECHNIQUES[id].name})` : ''}, confidence ${r.breach.techniqueConfidences?.[i] || 'unknown'}${r.breach.techniqueInferred?.[i] ? ', inferred' : ''}`;
  const social = { variety: new Set<string>(), notes: [] as string[] };
  const hacking = { variety: new Set<string>(), result: new Set<string>(), notes: [] as string[] };
  techniques.forEach((id, i) => {
    const a = ACTION_BY_TECHNIQUE[id];
    if (!a) return;
    const target = a.action === 'social' ? social : hacking;
    if (a.variety) target.variety.add(a.variety);
    if (a.result && a.action === 'hacking') hacking.result.add(a.result);
    target.notes.push(cited(id, i));
  });
  const channels = r.compromised.map((c) => c.channel?.kind ?? null);
  const professionalLogin = channels.includes('PROFESSIONAL_LOGIN');
  const webSystem = r.compromised.some((c) => ASSET_VARIETY_BY_SYSTEM_KIND[c.system.kind] === 'S - Web application');
  const action: Record<string, unknown> = {};
  if (social.variety.size > 0) {
    action.social = {
      variety: [...social.variety],
      // How the phishing reached the professionals is not stated.
      vector: ['Unknown'],
      // The phished accounts are health professionals', the operator's partners.
      target: [professionalLogin ? 'Partner' : 'Unknown'],
      notes: social.notes.join('; '),
    };
  }
  if (hacking.variety.size > 0 || hacking.result.size > 0) {
    const vector = [...(professionalLogin ? ['Partner'] : []), ...(webSystem ? ['Web application'] : [])];
    action.hacking = {
      variety: hacking.variety.size > 0 ? [...hacking.variety] : ['Unknown'],
      vector: vector.length > 0 ? vector : ['Unknown'],
      ...(hacking.result.size > 0 ? { result: [...hacking.result] } : {}),
      notes: [...hacking.notes, ...(r.breach.vector ? [`vector: ${r.breach.vector}`] : [])].join('; '),
    };
  }
  if (Object.keys(action).length === 0) action.unknown = { notes: 'The record names no attack technique.' };
  return action;
}

/** The VERIS `asset`: one entry per variety, counting the compromised systems of it. */
function assetOf(r: BreachExportRecord): Record<string, unknown> {
  const counts = new Map<string, number>();
  for (const c of r.compromised) {
    const variety = ASSET_VARIETY_BY_SYSTEM_KIND[c.system.kind] ?? 'S - Other';
    counts.set(variety, (counts.get(variety) ?? 0) + 1);
  }
  const assets = counts.size > 0 ? [...counts].map(([variety, amount]) => ({ variety, amount })) : [{ variety: 'Unknown' }];
  return {
    assets,
    // Where the platforms are hosted is not stated.
    cloud: ['Unknown'],
    notes: r.compromised.map((c) => `${c.system.name}${c.channel ? ` via ${c.channel.name}` : ''} (${c.confidence ?? 'confidence unknown'}, ${c.sourceUrl ?? 'source unknown'})`).join('; ') || 'No compromised system is recorded.',
  };
}

/**
 * The per-breach total of records, or null: only an AFFECTED_PEOPLE figure of confidence H or M,
 * about the whole breach (not one insurer or population), stated as exact or as a lower bound,
 * and not a figure the record states for several breaches at once. The CNIL's "more than 33
 * million" is one figure for both 2024 breaches (and may count people twice), and the 20M/13M
 * split has one source (L), so neither seeded breach gets a `data_total`: its notes say why.
 */
export function honestDataTotal(r: BreachExportRecord): ReportedFigureRow | null {
  const fit = r.figures.filter(
    (f) =>
      f.metric === 'AFFECTED_PEOPLE' &&
      f.value !== null &&
      (f.confidence === 'H' || f.confidence === 'M') &&
      (f.qualifier === 'EXACT' || f.qualifier === 'MORE_THAN') &&
      !f.aboutId &&
      !f.populationId &&
      !r.sharedFigureIds.has(f.id),
  );
  // Two fitting figures that disagree leave the total unknown rather than picking one.
  return fit.length > 0 && fit.every((f) => f.value === fit[0].value) ? fit[0] : null;
}

/** The VERIS `attribute.confidentiality`, from EXPOSED exposures; claims and denials go to notes. */
function confidentialityOf(r: BreachExportRecord): Record<string, unknown> {
  const exposed = r.exposures.filter((e) => e.status === 'EXPOSED');
  const claimed = r.exposures.filter((e) => e.status === 'CLAIMED');
  const denied = r.exposures.filter((e) => e.status === 'NOT_EXPOSED');
  const name = (id: string) => r.categories.get(id)?.name ?? id;
  const varieties = [...new Set(exposed.map((e) => DATA_VARIETY_BY_CATEGORY[e.categoryId] ?? 'Other'))];
  const victims = [...new Set(exposed.map((e) => DATA_VICTIM_BY_SUBJECTS[e.subjects] ?? 'Other'))];
  const notes: string[] = [];
  for (const e of exposed) {
    if (e.scope !== 'ALL' || e.scopeNote || e.note) notes.push(`${e.subjects} ${name(e.categoryId)}: ${[e.scope !== 'ALL' ? e.scope : null, e.scopeNote, e.note].filter(Boolean).join('; ')}`);
  }
  for (const e of claimed) notes.push(`claimed, not confirmed: ${e.subjects} ${name(e.categoryId)} (${e.confidence ?? 'confidence unknown'}, ${e.sourceUrl ?? 'source unknown'})${e.note ? `: ${e.note}` : ''}`);
  if (denied.length > 0) notes.push(`stated NOT exposed: ${denied.map((e) => `${e.subjects} ${name(e.categoryId)} (${e.confidence ?? '?'}, ${e.sourceUrl ?? '?'})`).join(', ')}`);
  const total = honestDataTotal(r);
  const people = r.figures.filter((f) => f.metric === 'AFFECTED_PEOPLE');
  for (const f of people) {
    const why = f === total ? 'used as data_total' : r.sharedFigureIds.has(f.id) ? 'one figure for several breaches, not a per-breach total' : f.aboutId || f.populationId ? 'about one organisation or population only' : `not used as data_total (confidence ${f.confidence ?? 'unknown'}, qualifier ${f.qualifier ?? 'not stated'})`;
    const caveats = f.caveats.map((c) => `caveat: ${c.text} (${c.confidence ?? '?'}, ${c.sourceUrl ?? '?'})`);
    notes.push([`reported affected people: ${figureText(f)} (${f.confidence ?? '?'}, ${f.sourceUrl ?? '?'}; ${why})`, ...caveats].join('; '));
  }
  if (!total) notes.push('data_total omitted: the record holds no per-breach count of affected records that is stated with confidence H or M for this breach alone.');
  const data_disclosure = exposed.length > 0 ? 'Yes' : claimed.length > 0 ? 'Potentially' : 'Unknown';
  return {
    data_disclosure,
    ...(total ? { data_total: total.value } : {}),
    ...(varieties.length > 0 ? { data: varieties.map((variety) => ({ variety })) } : {}),
    ...(victims.length > 0 ? { data_victim: victims } : {}),
    ...(notes.length > 0 ? { notes: notes.join('\n') } : {}),
  };
}

/**
 * The victim: the operator, with the NAICS code of its stated activity (see veris-mapping), its
 * country, and, for callers allowed to read them, the insurers reached through it as secondary
 * victims (VERIS: "the breach being coded is the first part of a supply chain breach").
 */
function victimOf(r: BreachExportRecord): Record<string, unknown> {
  const naics = NAICS_BY_ORGANIZATION_KIND[r.victim.kind];
  const notes = [
    naics ? `industry ${naics} is this export's classification of the activity the record states (${r.victim.kind}); the record gives no NAICS code` : 'industry not stated in the record',
    'employee count not stated in the record',
  ];
  const victim: Record<string, unknown> = {
    victim_id: r.victim.name,
    industry: naics ?? '000',
    // VERIS: "NA" unless the industry is public administration (92).
    government: ['NA'],
    // The operators are French (the record: French tiers-payant operators).
    country: r.victim.kind === 'TIERS_PAYANT_OPERATOR' ? ['FR'] : ['Unknown'],
    ...(r.victim.kind === 'TIERS_PAYANT_OPERATOR' ? { region: ['150155'] } : {}),
    employee_count: 'Unknown',
    notes: notes.join('; '),
  };
  if (r.insurers && r.insurers.length > 0) {
    victim.secondary = {
      amount: r.insurers.length,
      victim_id: r.insurers.map((i) => i.insurer.name),
      notes: 'Insurers (data controllers) reached through the operator by the graph’s reach rule, active or retained flows; the list may be incomplete where the record is silent.',
    };
  }
  return victim;
}

/**
 * The breach as a VERIS 1.3.7 incident record (verisc.json). Only what the record states is
 * mapped; what it does not state is "Unknown" (VERIS's convention) or left out where VERIS takes
 * no "Unknown" (a number). Anything this export adds beyond VERIS (the bases of its dates,
 * confidences, sources without a web address) is under `plus.breach_impact`, VERIS's place for
 * extensions. No person-level data: the record holds none.
 */
export function toVeris(r: BreachExportRecord): VerisIncident {
  const { timeline, basis } = timelineOf(r);
  const detection = earliest(r.events, DETECTION_KINDS);
  const sources = sourcesOf(r);
  const urls = [...new Set(sources.map(sourceUrlOf).filter((u): u is string => u !== null))];
  return {
    schema_version: VERIS_SCHEMA_VERSION,
    schema_name: 'verisc',
    incident_id: r.breach.id,
    // Both operators filed complaints and notified CNIL and ANSSI: the incident is confirmed.
    security_incident: 'Confirmed',
    summary: r.breach.summary ?? r.breach.name,
    ...(urls.length > 0 ? { reference: urls.join(' ; ') } : {}),
    timeline,
    victim: victimOf(r),
    actor: {
      external: {
        variety: ['Unknown'],
        motive: ['Unknown'],
        country: ['Unknown'],
        notes: 'An attacker outside the victim logged in with a health professional’s stolen credentials; who, from where and why is not stated.',
      },
    },
    action: actionOf(r),
    asset: assetOf(r),
    attribute: { confidentiality: confidentialityOf(r) },
    // Who detected the intrusion is not stated.
    discovery_method: { unknown: true },
    ...(detection ? { discovery_notes: `Detected ${cite(detection)}${detection.description ? `: ${detection.description}` : ''}` } : {}),
    targeted: 'Unknown',
    plus: {
      breach_impact: {
        breach_id: r.breach.id,
        timeline_basis: basis,
        ransomware: r.breach.ransomware,
        attack_techniques: (r.breach.attackTechniques ?? []).map((id, i) => ({
          id,
          inferred: r.breach.techniqueInferred?.[i] ?? false,
          confidence: r.breach.techniqueConfidences?.[i] || null,
          source: r.breach.techniqueSources?.[i] || null,
        })),
        sources,
        secondary_victims: r.insurers === null ? 'withheld: the caller’s role may not read affected insurers' : 'listed in victim.secondary',
      },
    },
  };
}
