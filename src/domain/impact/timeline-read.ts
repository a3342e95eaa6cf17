import { cypher } from '../../db/cypher-files';
import { visibleToTenant } from '../../db/reach';
import type { RequestDb } from '../../db/request-db';
import { impactKey, inStableOrder, type ImpactKey } from './impact.repository';
import type { ContractAggregatesRow, CountRow, ImpactPathsRow } from './impact.rows';
import { countsOn, groupKey, presentKeys, type MonthBucket, type Pair } from './timeline-events';
import type { StoredEpoch } from './timeline-refresh';

const Q = { read: cypher('impact/timelines-on-dates') };

/** What a stored timeline answers for one breach on one date: what impact-paths and contract-aggregates would count live. */
export interface TimelineAnswer {
  paths: ImpactPathsRow;
  aggregates: ContractAggregatesRow;
}

/** Largest first, then by id: the order contract-aggregates.cypher returns its groups in. */
function byPeople(a: CountRow, b: CountRow): number {
  return b.people - a.people || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Answers of breaches on given dates (asOf set) from their stored timelines (timeline-refresh.ts),
 * in one round trip, as `tenant` (an insurer's id; null: every tenant) may see them: the paths of
 * the date's epoch (an insurer's own only) with the care-network routes present on that date, and
 * the counts on that date, grouped as contract-aggregates groups them. A breach with no stored
 * timeline is absent (the caller counts it live), and so is every breach while the timelines
 * are not current (a portfolio write left them stale, or the catalogue changed since their
 * refresh): a stale timeline is never served. Keyed by impactKey.
 */
export async function timelineAnswers(db: RequestDb, requests: ImpactKey[], tenant: string | null): Promise<Map<string, TimelineAnswer>> {
  type Row = { breachId: string; asOf: string; current: boolean; epochs: string | null; base: string | null; deltas: string | null };
  const dated = requests.filter((r): r is ImpactKey & { asOf: string } => r.asOf !== null);
  const found = new Map<string, TimelineAnswer>();
  if (dated.length === 0) return found;
  const rows = await db.read<Row>(Q.read, { requests: dated.map((r) => ({ breachId: r.breachId, asOf: r.asOf, month: r.asOf.slice(0, 7) })), slice: tenant ?? '' });
  for (const r of rows) {
    if (!r.current || r.epochs === null) continue;
    const key = impactKey({ breachId: r.breachId, asOf: r.asOf });
    const epochs = JSON.parse(r.epochs) as StoredEpoch[];
    const bucket = r.base === null ? null : { base: JSON.parse(r.base) as MonthBucket['base'], deltas: JSON.parse(r.deltas ?? '[]') as MonthBucket['deltas'] };
    const values = countsOn(bucket, r.asOf);
    // Presence groups (an operator's insurers, a path's care networks) are present while they count someone.
    const present = presentKeys(values);
    found.set(key, {
      paths: pathsOn(r.breachId, r.asOf, epochs, present, tenant),
      aggregates: aggregatesOn(key, values, present, tenant),
    });
  }
  return found;
}

/** The paths of the epoch holding `day`, as impact-paths returns them on that day. */
function pathsOn(breachId: string, day: string, epochs: StoredEpoch[], present: string[], tenant: string | null): ImpactPathsRow {
  let epoch = epochs[0];
  for (const e of epochs) if (e.from <= day) epoch = e;
  const paths = (epoch?.paths ?? [])
    .filter((p) => visibleToTenant(p, tenant))
    .map((p) => {
      // impact-path: the care networks ('' for none) the path's reached contracts go through; none through an intermediary.
      const prefix = groupKey('route', `${p.flowId}|${p.systemId}|`);
      const networkRoutes = p.viaId ? [] : present.filter((gk) => gk.startsWith(prefix)).map((gk) => gk.slice(prefix.length)).sort();
      return { ...p, exposedCategoryIds: [...p.exposedCategoryIds], networkRoutes };
    });
  return { breachId, asOf: day, referenceDate: day, referenceDateBasis: 'AS_OF_ARGUMENT', paths: inStableOrder(paths) };
}

/** The counts on a day, shaped as contract-aggregates returns them (with $tenant for an insurer). */
function aggregatesOn(key: string, values: Map<string, Pair>, present: string[], tenant: string | null): ContractAggregatesRow {
  const rows = (dim: string): Array<{ id: string; people: number; contracts: number }> => {
    const prefix = groupKey(dim, '');
    return [...values]
      .filter(([gk, v]) => gk.startsWith(prefix) && v[0] > 0)
      .map(([gk, v]) => ({ id: gk.slice(prefix.length), people: v[0], contracts: v[1] }));
  };
  // An operator's or network's `insurers`: the distinct controllers of its rows on that day.
  const insurers = (dim: string, id: string) => present.filter((gk) => gk.startsWith(groupKey(dim, `${id}|`))).length;
  const [people, contracts] = values.get(groupKey('total', '')) ?? [0, 0];
  const byInsurer: CountRow[] = tenant === null ? rows('insurer').sort(byPeople) : contracts > 0 ? [{ id: tenant, people, contracts }] : [];
  return {
    key,
    people,
    contracts,
    byInsurer,
    byOperator: rows('operator').map((r): CountRow => ({ id: r.id, role: 'OPERATOR', people: r.people, contracts: r.contracts, insurers: insurers('operatorInsurer', r.id) })).sort(byPeople),
    byNetwork: rows('network').map((r): CountRow => ({ id: r.id, role: 'CARE_NETWORK', people: r.people, contracts: r.contracts, insurers: insurers('networkInsurer', r.id) })).sort(byPeople),
    byCategory: rows('category').sort(byPeople),
  };
}
