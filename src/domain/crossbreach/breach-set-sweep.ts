import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import { SweepPeople, walkPeople } from '../common/people-walk';
import type { AggregatesRequest } from '../impact/impact.repository';
import type { BreachSetRow, BreachSetSignature } from './breach-set.rows';

const SWEEP = cypher('crossbreach/breach-set-sweep');
const OF_PEOPLE = cypher('crossbreach/breach-set-of-people');

/** People per chunk: the impact sweep's size (a chunk's memory is its rows, about people × breaches). */
export const BREACH_SET_CHUNK = 100_000;

/** The tenant key of the every-insurer rows. */
export const ALL_TENANTS = '*';

/** A partial count from one chunk (see cypher/crossbreach/breach-set-sweep.cypher). */
interface GroupRow {
  kind: 'people' | 'contracts';
  tenant: string | null;
  signature: BreachSetSignature;
  n: number;
}

/** The canonical form of a signature: breaches sorted, each one's categories sorted, once each. */
export function canonicalSignature(signature: BreachSetSignature): BreachSetSignature {
  const merged = new Map<string, Set<string>>();
  for (const [breachId, cats] of signature) {
    const set = merged.get(breachId) ?? new Set<string>();
    for (const c of cats) set.add(c);
    merged.set(breachId, set);
  }
  return [...merged]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([breachId, cats]) => [breachId, [...cats].sort()]);
}

/** tenant → canonical signature (JSON) → counts: additive, so a delta adds and subtracts these. */
export type BreachSetCounts = Map<string, Map<string, BreachSetRow>>;


/**
 * Adds `sign` × the partial counts into `sums`; a signature whose people and contracts both reach
 * 0 is dropped (a full count would not have it), and so is a tenant left with none.
 */
export function addBreachSetRows(sums: BreachSetCounts, groups: GroupRow[], sign = 1): void {
  for (const g of groups) {
    const tenant = g.tenant ?? ALL_TENANTS;
    const signature = canonicalSignature(g.signature);
    const key = JSON.stringify(signature);
    let rows = sums.get(tenant);
    if (!rows) sums.set(tenant, (rows = new Map()));
    const row = rows.get(key) ?? { signature, people: 0, contracts: 0 };
    // Disjoint people per chunk, one chunk per contract: partial counts add.
    if (g.kind === 'people') row.people += sign * g.n;
    else row.contracts += sign * g.n;
    if (row.people === 0 && row.contracts === 0) rows.delete(key);
    else rows.set(key, row);
    if (rows.size === 0) sums.delete(tenant);
  }
}

/** The rows of one tenant as stored and served: sorted by signature. */
export function sortedRows(rows: Map<string, BreachSetRow>): BreachSetRow[] {
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

/**
 * The breach-set counts per tenant, over every person (in storage order, about `chunk` at a time: see walkPeople) or only
 * over the people named in `keys` (a write's delta, before and after it). `db` may be a
 * transaction's (see txRequestDb).
 */
export async function breachSetCounts(
  db: RequestDb,
  requests: AggregatesRequest[],
  people: SweepPeople = {},
): Promise<BreachSetCounts> {
  const byPopulation: Record<string, unknown[]> = {};
  for (const r of requests) {
    for (const p of r.paths) {
      (byPopulation[p.populationId] ??= []).push({
        req: r.key, d: r.referenceDate, operatorId: p.operatorId, basis: p.basis, ins: p.controllerId,
        cats: p.exposedCategoryIds, populationCutOff: p.populationCutOff, validFrom: p.flowValidFrom, validTo: p.flowValidTo, retentionMonths: p.retentionMonths,
      });
    }
  }
  const sums: BreachSetCounts = new Map();
  await walkPeople<GroupRow>(db, { sweep: SWEEP, ofPeople: OF_PEOPLE }, { byPopulation }, people, BREACH_SET_CHUNK, (groups) => addBreachSetRows(sums, groups));
  return sums;
}

/**
 * For every tenant (ALL_TENANTS for every insurer, else each insurer's own slice: its contracts
 * reached through paths it controls, as the impact summary's slices count), the people and
 * contracts per breach-set signature: which breaches reach them, with which categories each.
 * Computed by sweeping the people in storage order, about `chunk` at a time, as the impact summary's sweep
 * does (chunks hold disjoint people; a contract counts in one chunk), so it runs at national
 * size; each request is one breach on its reference date (`key` is the breach id).
 * Rows per tenant are few: one per distinct combination of breaches and category sets.
 */
export async function breachSetSweep(
  db: RequestDb,
  requests: AggregatesRequest[],
  { chunk = BREACH_SET_CHUNK, onChunk }: { chunk?: number; onChunk?: (swept: number) => void } = {},
): Promise<Map<string, BreachSetRow[]>> {
  const sums = await breachSetCounts(db, requests, { chunk, onChunk });
  const out = new Map<string, BreachSetRow[]>();
  for (const [tenant, rows] of [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out.set(tenant, sortedRows(rows));
  return out;
}
