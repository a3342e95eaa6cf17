import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { AggregatesRequest } from './impact.repository';
import type { ContractAggregatesWithTenantsRow, TenantAggregatesRow } from './impact.rows';
import { addGroupRows, aggregatesOf, ALL, GroupCounts, GroupRow, routeKey, SweepCounts, tenantRowOf } from './summary-counts';

const SWEEP = cypher('impact/contract-aggregates-sweep');
const OF_PEOPLE = cypher('impact/contract-aggregates-of-people');

/**
 * People per sweep chunk. A chunk's memory in Neo4j is its distinct-count sets, about
 * (people × groups each person falls in); 100,000 keeps that to a few hundred megabytes with a
 * few national breaches, while a 10M-people graph takes a hundred round trips.
 */
export const SWEEP_CHUNK = 100_000;

/** The qualifying path's fields the sweep's reach rule and grouping use, tagged with its request. */
interface SweepPath {
  req: string;
  d: string;
  operatorId: string;
  basis: string;
  // null: the controller is unknown (a broker's clients); the sweep then counts no insurer for the path.
  ins: string | null;
  via: string | null;
  cats: string[];
  validFrom: string | null;
  validTo: string | null;
  retentionMonths: number | null;
  /** The population's cut-off (ISO date), or null: reach/contract-reached reads it. */
  populationCutOff: string | null;
  /** The path's route key (see summary-counts routeKey), null through an intermediary. */
  route: string | null;
}

/** Which people a count covers: all of them, in chunks by id, or only those named (a write's delta). */
export type SweepPeople = { chunk?: number; onChunk?: (swept: number) => void; keys?: undefined } | { keys: string[] };

/** Keys per statement when counting named people: a delta's set is usually far smaller. */
const KEYS_PER_STATEMENT = 20_000;

/** The requests' paths by population, as the sweep statements take them ($byPopulation). */
function pathsByPopulation(requests: AggregatesRequest[]): Record<string, SweepPath[]> {
  const byPopulation: Record<string, SweepPath[]> = {};
  for (const r of requests) {
    for (const p of r.paths) {
      // One lookup per contract finds every request's paths to its population.
      (byPopulation[p.populationId] ??= []).push({
        req: r.key, d: r.referenceDate, operatorId: p.operatorId, basis: p.basis, ins: p.controllerId, via: p.viaId,
        cats: p.exposedCategoryIds, populationCutOff: p.populationCutOff, validFrom: p.flowValidFrom, validTo: p.flowValidTo, retentionMonths: p.retentionMonths,
        route: routeKey(p),
      });
    }
  }
  return byPopulation;
}

/**
 * The additive counts (see summary-counts.ts) of several requests, over every person (swept in
 * id order, `chunk` at a time, chunks added up) or over the people named in `keys` only (what a
 * write's delta counts before and after it). Runs its statements through `db`, which may be a
 * transaction (see txRequestDb). Requests that reach nobody are absent from the result.
 */
export async function sweepCounts(db: RequestDb, requests: AggregatesRequest[], people: SweepPeople = {}): Promise<SweepCounts> {
  const byPopulation = pathsByPopulation(requests);
  const sums: SweepCounts = new Map();
  if (people.keys !== undefined) {
    for (let i = 0; i < people.keys.length; i += KEYS_PER_STATEMENT) {
      const [page] = await db.read<{ groups: GroupRow[] }>(OF_PEOPLE, { keys: people.keys.slice(i, i + KEYS_PER_STATEMENT), byPopulation });
      addGroupRows(sums, page.groups);
    }
    return sums;
  }
  const { chunk = SWEEP_CHUNK, onChunk } = people;
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunk must be a positive integer, got ${chunk}`);
  let after = '';
  let swept = 0;
  for (;;) {
    const [page] = await db.read<{ last: string | null; scanned: number; groups: GroupRow[] }>(SWEEP, { after, limit: chunk, byPopulation });
    // Chunks hold disjoint people, and each contract counts in one chunk only: partial counts add.
    addGroupRows(sums, page.groups);
    swept += page.scanned;
    onChunk?.(swept);
    // A short chunk is the last one; a person read again would be counted twice, so never step back.
    if (page.scanned < chunk || page.last === null) break;
    after = page.last;
  }
  return sums;
}

/**
 * Every-tenant contract totals for several requests, each with every insurer's own slice, exactly
 * as contract-aggregates.cypher counts them (everyone, and with each insurer as tenant), computed
 * by sweeping the people in id order, `chunk` at a time, and adding the chunks up. Unlike one
 * statement that collects a breach's every affected row, its memory does not grow with the
 * breach: this is what lets the summary refresh run on a 10-million-people graph. Requests are
 * answered in the order given, including those that reach nobody (all zeros). `onChunk` hears
 * how many people have been swept so far, after each chunk (a 10M sweep takes minutes).
 */
export async function contractAggregatesSweep(
  db: RequestDb,
  requests: AggregatesRequest[],
  { chunk = SWEEP_CHUNK, onChunk }: { chunk?: number; onChunk?: (swept: number) => void } = {},
): Promise<ContractAggregatesWithTenantsRow[]> {
  const sums = await sweepCounts(db, requests, { chunk, onChunk });
  return requests.map((r) => withTenants(r.key, sums.get(r.key)));
}

/** One request's row, shaped as contract-aggregates.cypher returns it with every insurer's slice. */
export function withTenants(key: string, byTenant: Map<string, GroupCounts> = new Map()): ContractAggregatesWithTenantsRow {
  const tenants: TenantAggregatesRow[] = [...byTenant.keys()]
    .filter((t) => t !== ALL)
    .sort()
    .map((t) => tenantRowOf(t, byTenant.get(t)!));
  return { ...aggregatesOf(key, byTenant.get(ALL) ?? {}), tenants };
}
