import { isCalendarDate } from '../common/calendar-date';
import type { SeedProblem } from './seed-problem';

// The checks a JSON Schema cannot express: they look across records (and across files). They
// run on files that may also break the schema, so they read every value defensively and leave
// wrong types to the schema's messages.

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

type Rec = Record<string, unknown>;
type Kind = keyof KnownIds;

/** The records of a list (skipping anything that is not an object), with their index. */
function records(list: unknown): Array<[number, Rec]> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((r, i): Array<[number, Rec]> => (r !== null && typeof r === 'object' && !Array.isArray(r) ? [[i, r as Rec]] : []));
}

// Sections whose ids other records may name, and the kind each defines.
const DEFINES: Array<[section: string, kind: Kind]> = [
  ['organizations', 'organizations'],
  ['systems', 'systems'],
  ['accessChannels', 'channels'],
  ['dataCategories', 'categories'],
  ['populations', 'populations'],
  ['dataFlows', 'flows'],
  ['breaches', 'breaches'],
];

/** A reference: in `section` (or its nested `list`), `field` must name a record of one of `kinds`. */
interface ReferenceRule {
  section: string;
  list?: string;
  field: string;
  kinds: Kind[];
  what: string;
  many?: boolean;
}
const ORG: Pick<ReferenceRule, 'kinds' | 'what'> = { kinds: ['organizations'], what: 'organization' };
const REFERENCES: ReferenceRule[] = [
  { section: 'ownerships', field: 'parent', ...ORG },
  { section: 'ownerships', field: 'child', ...ORG },
  { section: 'partnerships', field: 'insurer', ...ORG },
  { section: 'partnerships', field: 'partner', ...ORG },
  { section: 'systems', field: 'operator', ...ORG },
  { section: 'accessChannels', field: 'system', kinds: ['systems'], what: 'system' },
  { section: 'dataCategories', field: 'parent', kinds: ['categories'], what: 'data category' },
  { section: 'populations', field: 'owner', ...ORG },
  { section: 'dataFlows', field: 'from', kinds: ['organizations', 'systems'], what: 'organization or system' },
  { section: 'dataFlows', field: 'to', kinds: ['systems'], what: 'system' },
  { section: 'dataFlows', field: 'population', kinds: ['populations'], what: 'population' },
  { section: 'dataFlows', field: 'controller', ...ORG },
  { section: 'dataFlows', field: 'processor', ...ORG },
  { section: 'dataFlows', field: 'via', ...ORG },
  { section: 'dataFlows', field: 'subProcessor', ...ORG },
  { section: 'dataFlows', field: 'categories', kinds: ['categories'], what: 'data category', many: true },
  { section: 'breaches', field: 'victim', ...ORG },
  { section: 'breaches', list: 'compromised', field: 'system', kinds: ['systems'], what: 'system' },
  { section: 'breaches', list: 'compromised', field: 'channel', kinds: ['channels'], what: 'access channel' },
  { section: 'breaches', list: 'exposures', field: 'category', kinds: ['categories'], what: 'data category' },
  { section: 'breaches', list: 'reportedFigures', field: 'reportedBy', ...ORG },
  { section: 'breaches', list: 'reportedFigures', field: 'about', ...ORG },
  { section: 'breaches', list: 'reportedFigures', field: 'population', kinds: ['populations'], what: 'population' },
  { section: 'breaches', list: 'notifications', field: 'actor', ...ORG },
  { section: 'breaches', list: 'notifications', field: 'recipient', ...ORG },
  { section: 'marketFigures', field: 'reportedBy', ...ORG },
  { section: 'marketFigures', field: 'about', ...ORG },
  { section: 'contracts', field: 'insurer', ...ORG },
  { section: 'contracts', field: 'population', kinds: ['populations'], what: 'population' },
  { section: 'contracts', field: 'operator', ...ORG },
  { section: 'contracts', field: 'network', ...ORG },
];

// Pairs of dates where the second may not come before the first.
const DATE_ORDER: Array<[section: string, from: string, to: string]> = [
  ['ownerships', 'validFrom', 'validTo'],
  ['partnerships', 'validFrom', 'validTo'],
  ['dataFlows', 'validFrom', 'validTo'],
  ['contracts', 'startDate', 'endDate'],
];

/** The ids `seed` defines, added to those already `known` (the files loaded before it). */
export function seedKnownIds(seed: unknown, known: KnownIds): KnownIds {
  const file = (seed ?? {}) as Rec;
  const next = Object.fromEntries(Object.entries(known).map(([k, ids]) => [k, new Set(ids)])) as unknown as KnownIds;
  for (const [section, kind] of DEFINES) for (const [, r] of records(file[section])) if (typeof r.id === 'string') next[kind].add(r.id);
  return next;
}

/** Every id defined twice in the file (ids are unique across all kinds of record of one file). */
export function duplicateIdProblems(seed: unknown): SeedProblem[] {
  const file = (seed ?? {}) as Rec;
  const seen = new Set<string>();
  const problems: SeedProblem[] = [];
  const see = (at: Array<string | number>, id: unknown) => {
    if (typeof id !== 'string') return;
    if (seen.has(id)) problems.push({ at, value: id, why: 'is defined twice' });
    seen.add(id);
  };
  for (const section of [...DEFINES.map(([s]) => s), 'partnerships', 'contracts', 'marketFigures']) for (const [i, r] of records(file[section])) see([section, i, 'id'], r.id);
  for (const [i, b] of records(file.breaches)) for (const [j, f] of records(b.reportedFigures)) see(['breaches', i, 'reportedFigures', j, 'id'], f.id);
  for (const [i, b] of records(file.breaches)) for (const [j, n] of records(b.notifications)) see(['breaches', i, 'notifications', j, 'id'], n.id);
  return problems;
}

/** Every reference that names no record of the right kind in this file or in `known`. */
export function referenceProblems(seed: unknown, known: KnownIds): SeedProblem[] {
  const file = (seed ?? {}) as Rec;
  const problems: SeedProblem[] = [];
  for (const rule of REFERENCES) {
    const check = (at: Array<string | number>, value: unknown) => {
      if (typeof value === 'string' && !rule.kinds.some((k) => known[k].has(value))) problems.push({ at, value, why: `must be the id of a known ${rule.what}` });
    };
    for (const [i, r] of records(file[rule.section])) {
      const targets: Array<[Array<string | number>, Rec]> = rule.list ? records(r[rule.list]).map(([j, n]) => [[rule.section, i, rule.list!, j], n]) : [[[rule.section, i], r]];
      for (const [at, rec] of targets) {
        const value = rec[rule.field];
        if (rule.many && Array.isArray(value)) value.forEach((v, k) => check([...at, rule.field, k], v));
        else if (!rule.many) check([...at, rule.field], value);
      }
    }
  }
  return problems;
}

/** Every end date that comes before its start date. */
export function dateOrderProblems(seed: unknown): SeedProblem[] {
  const file = (seed ?? {}) as Rec;
  const problems: SeedProblem[] = [];
  for (const [section, from, to] of DATE_ORDER) {
    for (const [i, r] of records(file[section])) {
      const [a, b] = [r[from], r[to]];
      if (isCalendarDate(a) && isCalendarDate(b) && b < a) problems.push({ at: [section, i, to], value: b, why: `is before ${from} ${a}` });
    }
  }
  return problems;
}
