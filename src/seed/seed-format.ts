import { isCalendarDate } from '../domain/common/calendar-date';
import { AppError } from '../errors/app-error';

/** Confidence of a public-record fact: H official or several sources, M one good source, L a claim. */
export type Confidence = 'H' | 'M' | 'L';

/** Provenance carried by every fact of the public record. */
export interface Sourced {
  source: string | null;
  confidence: Confidence | null;
}

export interface SeedOrganization extends Sourced {
  id: string;
  name: string;
  roles: string[];
  kind: string;
  description: string | null;
}
export interface SeedOwnership extends Sourced {
  parent: string;
  child: string;
  share: number | null;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}
export interface SeedPartnership extends Sourced {
  id: string;
  insurer: string;
  partner: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}
export interface SeedSystem extends Sourced {
  id: string;
  name: string;
  kind: string;
  operator: string;
  description: string | null;
}
export interface SeedAccessChannel extends Sourced {
  id: string;
  name: string;
  kind: string;
  system: string;
  description: string | null;
}
export interface SeedDataCategory {
  id: string;
  name: string;
  parent: string | null;
  fideslangKey: string | null;
  description: string | null;
}
export interface SeedPopulation extends Sourced {
  id: string;
  name: string;
  kind: string;
  owner: string;
  size: number | null;
  sizeQualifier: string | null;
  note: string | null;
  synthetic?: boolean;
}
export interface SeedDataFlow extends Sourced {
  id: string;
  from: string;
  to: string;
  population: string;
  categories: string[];
  via: string | null;
  controller: string;
  processor: string;
  subProcessor: string | null;
  validFrom: string | null;
  validTo: string | null;
  retentionMonths: number | null;
  note: string | null;
  synthetic?: boolean;
}
export interface SeedBreachEvent extends Sourced {
  kind: string;
  date: string | null;
  description: string | null;
}
export interface SeedExposure extends Sourced {
  category: string;
  subjects: string;
  status: string;
  note: string | null;
}
export interface SeedReportedFigure extends Sourced {
  id: string;
  metric: string;
  value: number | null;
  qualifier: string | null;
  text: string | null;
  reportedBy: string | null;
  date: string | null;
  note: string | null;
}
export interface SeedBreach {
  id: string;
  name: string;
  victim: string;
  summary: string | null;
  vector: string | null;
  attackTechniques: string[];
  ransomware: boolean | null;
  compromised: Array<{ system: string; channel: string | null } & Sourced>;
  events: SeedBreachEvent[];
  exposures: SeedExposure[];
  reportedFigures: SeedReportedFigure[];
}
export interface SeedContract {
  id: string;
  number: string;
  insurer: string;
  population: string;
  product: string;
  operator: string | null;
  network: string | null;
  startDate: string;
  endDate: string | null;
  synthetic: boolean;
  beneficiaries: Array<{ key: string; role: 'HOLDER' | 'DEPENDANT' }>;
}

/** One seed file: a dataset of the public record or a synthetic portfolio. */
export interface SeedFile {
  dataset: string;
  description?: string;
  synthetic?: boolean;
  organizations?: SeedOrganization[];
  ownerships?: SeedOwnership[];
  partnerships?: SeedPartnership[];
  systems?: SeedSystem[];
  accessChannels?: SeedAccessChannel[];
  dataCategories?: SeedDataCategory[];
  populations?: SeedPopulation[];
  dataFlows?: SeedDataFlow[];
  breaches?: SeedBreach[];
  contracts?: SeedContract[];
  [extra: string]: unknown;
}

/** Allowed values of each enumerated seed field; the GraphQL enums mirror these. */
export const SEED_ENUMS = {
  role: ['OPERATOR', 'PARENT_GROUP', 'INSURER', 'CARE_NETWORK', 'AUTHORITY', 'BROKER'],
  orgKind: ['TIERS_PAYANT_OPERATOR', 'GROUP', 'MUTUELLE', 'INSURANCE_COMPANY', 'PROVIDENT_INSTITUTION', 'BROKER', 'CARE_NETWORK', 'AUTHORITY', 'PROFESSIONAL_BODY', 'UNKNOWN'],
  partnershipKind: ['TIERS_PAYANT', 'NETWORK_OPERATOR', 'CARE_NETWORK'],
  systemKind: ['TIERS_PAYANT_PLATFORM', 'PROFESSIONAL_PORTAL', 'PARTNER_PORTAL', 'RIGHTS_SERVICE', 'OTHER'],
  channelKind: ['PROFESSIONAL_LOGIN', 'AUTOMATED_QUERY', 'OTHER'],
  populationKind: ['INSURED', 'PROFESSIONAL'],
  sizeQualifier: ['EXACT', 'ABOUT', 'MORE_THAN', 'FEWER_THAN'],
  eventKind: ['DATA_COLLECTED', 'INTRUSION', 'DETECTED', 'SERVICE_DOWN', 'ACCESS_CUT', 'CLIENTS_INFORMED', 'DISCLOSED', 'REGULATOR_STATEMENT', 'COMPLAINT_FILED', 'INQUIRY_OPENED', 'VICTIM_SUPPORT'],
  subjects: ['INSURED', 'PROFESSIONAL'],
  exposureStatus: ['EXPOSED', 'CLAIMED', 'NOT_EXPOSED'],
  metric: ['PEOPLE', 'INSURERS', 'PROFESSIONALS', 'BENEFICIARIES', 'INVOICES'],
  confidence: ['H', 'M', 'L'],
  beneficiaryRole: ['HOLDER', 'DEPENDANT'],
} as const;

/** Collects every problem of a seed file, so one run reports them all. */
class Checker {
  readonly problems: string[] = [];
  constructor(private readonly file: string) {}

  fail(where: string, field: string, value: unknown, why: string): void {
    this.problems.push(`${this.file} ${where}: field "${field}" = ${JSON.stringify(value)} ${why}`);
  }
  str(where: string, rec: Record<string, unknown>, field: string, nullable = false): void {
    const v = rec[field];
    if (v === null && nullable) return;
    if (typeof v !== 'string' || v.trim() === '') this.fail(where, field, v, nullable ? 'must be a non-empty string or null' : 'must be a non-empty string');
  }
  oneOf(where: string, rec: Record<string, unknown>, field: string, allowed: readonly string[], nullable = false): void {
    const v = rec[field];
    if (v === null && nullable) return;
    if (typeof v !== 'string' || !allowed.includes(v)) this.fail(where, field, v, `must be one of ${allowed.join(', ')}${nullable ? ' or null' : ''}`);
  }
  date(where: string, rec: Record<string, unknown>, field: string, nullable = true): void {
    const v = rec[field];
    if (v === null && nullable) return;
    if (!isCalendarDate(v)) this.fail(where, field, v, 'must be a YYYY-MM-DD date' + (nullable ? ' or null' : ''));
  }
  num(where: string, rec: Record<string, unknown>, field: string): void {
    const v = rec[field];
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) this.fail(where, field, v, 'must be a non-negative number or null');
  }
  sourced(where: string, rec: Record<string, unknown>): void {
    this.str(where, rec, 'source', true);
    this.oneOf(where, rec, 'confidence', SEED_ENUMS.confidence, true);
  }
  ref(where: string, rec: Record<string, unknown>, field: string, ids: Set<string>, what: string, nullable = false): void {
    const v = rec[field];
    if (v === null && nullable) return;
    if (typeof v !== 'string' || !ids.has(v)) this.fail(where, field, v, `must be the id of a known ${what}`);
  }
}

/**
 * Checks a seed file against the format (types, enumerations, dates, and that every reference
 * names something defined in this file or in `known`). Throws SEED_INVALID listing every problem.
 * `known` holds the ids defined by seed files loaded before this one.
 */
export function validateSeed(file: string, seed: SeedFile, known: KnownIds = emptyKnownIds()): KnownIds {
  const c = new Checker(file);
  if (typeof seed.dataset !== 'string' || !/^[a-z0-9-]+$/.test(seed.dataset)) c.fail('root', 'dataset', seed.dataset, 'must be a kebab-case name');
  const ids = new Set<string>();
  const collect = <T extends { id: string }>(rows: T[] | undefined, into: Set<string>, what: string): Set<string> => {
    for (const [i, r] of (rows ?? []).entries()) {
      if (typeof r.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(r.id)) c.fail(`${what}[${i}]`, 'id', r.id, 'must be a kebab-case id');
      else if (ids.has(r.id)) c.fail(`${what}[${i}]`, 'id', r.id, 'is defined twice');
      ids.add(r.id);
      into.add(r.id);
    }
    return into;
  };
  const k: KnownIds = {
    organizations: collect(seed.organizations, new Set(known.organizations), 'organizations'),
    systems: collect(seed.systems, new Set(known.systems), 'systems'),
    channels: collect(seed.accessChannels, new Set(known.channels), 'accessChannels'),
    categories: collect(seed.dataCategories, new Set(known.categories), 'dataCategories'),
    populations: collect(seed.populations, new Set(known.populations), 'populations'),
    flows: collect(seed.dataFlows, new Set(known.flows), 'dataFlows'),
    breaches: collect(seed.breaches, new Set(known.breaches), 'breaches'),
  };
  const rec = (r: object) => r as Record<string, unknown>;
  for (const [i, o] of (seed.organizations ?? []).entries()) {
    const w = `organizations[${i}] (${o.id})`;
    c.str(w, rec(o), 'name');
    // A trade body (APFS) can hold none of the roles the impact rules use, hence an empty list.
    if (!Array.isArray(o.roles)) c.fail(w, 'roles', o.roles, 'must be a list of roles');
    else for (const r of o.roles) if (!(SEED_ENUMS.role as readonly string[]).includes(r)) c.fail(w, 'roles', r, `must be one of ${SEED_ENUMS.role.join(', ')}`);
    c.oneOf(w, rec(o), 'kind', SEED_ENUMS.orgKind);
    c.sourced(w, rec(o));
  }
  for (const [i, o] of (seed.ownerships ?? []).entries()) {
    const w = `ownerships[${i}]`;
    c.ref(w, rec(o), 'parent', k.organizations, 'organization');
    c.ref(w, rec(o), 'child', k.organizations, 'organization');
    c.num(w, rec(o), 'share');
    c.date(w, rec(o), 'validFrom');
    c.date(w, rec(o), 'validTo');
    c.sourced(w, rec(o));
  }
  for (const [i, p] of (seed.partnerships ?? []).entries()) {
    const w = `partnerships[${i}] (${p.id})`;
    c.ref(w, rec(p), 'insurer', k.organizations, 'organization');
    c.ref(w, rec(p), 'partner', k.organizations, 'organization');
    c.oneOf(w, rec(p), 'kind', SEED_ENUMS.partnershipKind);
    c.date(w, rec(p), 'validFrom');
    c.date(w, rec(p), 'validTo');
    c.sourced(w, rec(p));
  }
  for (const [i, s] of (seed.systems ?? []).entries()) {
    const w = `systems[${i}] (${s.id})`;
    c.str(w, rec(s), 'name');
    c.oneOf(w, rec(s), 'kind', SEED_ENUMS.systemKind);
    c.ref(w, rec(s), 'operator', k.organizations, 'organization');
    c.sourced(w, rec(s));
  }
  for (const [i, a] of (seed.accessChannels ?? []).entries()) {
    const w = `accessChannels[${i}] (${a.id})`;
    c.str(w, rec(a), 'name');
    c.oneOf(w, rec(a), 'kind', SEED_ENUMS.channelKind);
    c.ref(w, rec(a), 'system', k.systems, 'system');
    c.sourced(w, rec(a));
  }
  for (const [i, d] of (seed.dataCategories ?? []).entries()) {
    const w = `dataCategories[${i}] (${d.id})`;
    c.str(w, rec(d), 'name');
    c.ref(w, rec(d), 'parent', k.categories, 'data category', true);
    c.str(w, rec(d), 'fideslangKey', true);
  }
  for (const [i, p] of (seed.populations ?? []).entries()) {
    const w = `populations[${i}] (${p.id})`;
    c.str(w, rec(p), 'name');
    c.oneOf(w, rec(p), 'kind', SEED_ENUMS.populationKind);
    c.ref(w, rec(p), 'owner', k.organizations, 'organization');
    c.num(w, rec(p), 'size');
    c.oneOf(w, rec(p), 'sizeQualifier', SEED_ENUMS.sizeQualifier, true);
    c.sourced(w, rec(p));
  }
  const nodes = new Set([...k.organizations, ...k.systems]);
  for (const [i, f] of (seed.dataFlows ?? []).entries()) {
    const w = `dataFlows[${i}] (${f.id})`;
    c.ref(w, rec(f), 'from', nodes, 'organization or system');
    c.ref(w, rec(f), 'to', k.systems, 'system');
    c.ref(w, rec(f), 'population', k.populations, 'population');
    c.ref(w, rec(f), 'controller', k.organizations, 'organization');
    c.ref(w, rec(f), 'processor', k.organizations, 'organization');
    c.ref(w, rec(f), 'via', k.organizations, 'organization', true);
    c.ref(w, rec(f), 'subProcessor', k.organizations, 'organization', true);
    if (!Array.isArray(f.categories) || f.categories.length === 0) c.fail(w, 'categories', f.categories, 'must list at least one data category');
    else for (const cat of f.categories) if (!k.categories.has(cat)) c.fail(w, 'categories', cat, 'must be the id of a known data category');
    c.date(w, rec(f), 'validFrom');
    c.date(w, rec(f), 'validTo');
    c.num(w, rec(f), 'retentionMonths');
    if (f.validFrom && f.validTo && f.validFrom > f.validTo) c.fail(w, 'validTo', f.validTo, `is before validFrom ${f.validFrom}`);
    c.sourced(w, rec(f));
  }
  for (const [i, b] of (seed.breaches ?? []).entries()) {
    const w = `breaches[${i}] (${b.id})`;
    c.str(w, rec(b), 'name');
    c.ref(w, rec(b), 'victim', k.organizations, 'organization');
    for (const [j, h] of (b.compromised ?? []).entries()) {
      c.ref(`${w}.compromised[${j}]`, rec(h), 'system', k.systems, 'system');
      c.ref(`${w}.compromised[${j}]`, rec(h), 'channel', k.channels, 'access channel', true);
    }
    for (const [j, e] of (b.events ?? []).entries()) {
      c.oneOf(`${w}.events[${j}]`, rec(e), 'kind', SEED_ENUMS.eventKind);
      c.date(`${w}.events[${j}]`, rec(e), 'date');
      c.sourced(`${w}.events[${j}]`, rec(e));
    }
    for (const [j, e] of (b.exposures ?? []).entries()) {
      c.ref(`${w}.exposures[${j}]`, rec(e), 'category', k.categories, 'data category');
      c.oneOf(`${w}.exposures[${j}]`, rec(e), 'subjects', SEED_ENUMS.subjects);
      c.oneOf(`${w}.exposures[${j}]`, rec(e), 'status', SEED_ENUMS.exposureStatus);
      c.sourced(`${w}.exposures[${j}]`, rec(e));
    }
    for (const [j, f] of (b.reportedFigures ?? []).entries()) {
      const fw = `${w}.reportedFigures[${j}]`;
      if (ids.has(f.id)) c.fail(fw, 'id', f.id, 'is defined twice');
      ids.add(f.id);
      c.oneOf(fw, rec(f), 'metric', SEED_ENUMS.metric);
      c.num(fw, rec(f), 'value');
      c.oneOf(fw, rec(f), 'qualifier', SEED_ENUMS.sizeQualifier, true);
      c.ref(fw, rec(f), 'reportedBy', k.organizations, 'organization', true);
      c.date(fw, rec(f), 'date');
      c.sourced(fw, rec(f));
    }
  }
  for (const [i, ct] of (seed.contracts ?? []).entries()) {
    const w = `contracts[${i}] (${ct.id})`;
    if (ids.has(ct.id)) c.fail(w, 'id', ct.id, 'is defined twice');
    ids.add(ct.id);
    c.str(w, rec(ct), 'number');
    c.ref(w, rec(ct), 'insurer', k.organizations, 'organization');
    c.ref(w, rec(ct), 'population', k.populations, 'population');
    c.ref(w, rec(ct), 'operator', k.organizations, 'organization', true);
    c.ref(w, rec(ct), 'network', k.organizations, 'organization', true);
    c.date(w, rec(ct), 'startDate', false);
    c.date(w, rec(ct), 'endDate');
    if (ct.endDate && ct.startDate > ct.endDate) c.fail(w, 'endDate', ct.endDate, `is before startDate ${ct.startDate}`);
    if (!Array.isArray(ct.beneficiaries) || ct.beneficiaries.length === 0) c.fail(w, 'beneficiaries', ct.beneficiaries, 'must list at least one beneficiary');
    else for (const b of ct.beneficiaries) c.oneOf(w, rec(b), 'role', SEED_ENUMS.beneficiaryRole);
  }
  if (c.problems.length > 0) {
    throw new AppError('SEED_INVALID', `Seed file ${file} is invalid (${c.problems.length} problem(s)):\n- ${c.problems.slice(0, 50).join('\n- ')}`);
  }
  return k;
}

/** Ids defined by the seed files validated so far, by kind. */
export interface KnownIds {
  organizations: Set<string>;
  systems: Set<string>;
  channels: Set<string>;
  categories: Set<string>;
  populations: Set<string>;
  flows: Set<string>;
  breaches: Set<string>;
}

/** An empty {@link KnownIds}, for the first file of a load. */
export function emptyKnownIds(): KnownIds {
  return { organizations: new Set(), systems: new Set(), channels: new Set(), categories: new Set(), populations: new Set(), flows: new Set(), breaches: new Set() };
}
