import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { AggregatesRequest } from './impact.repository';
import type { ContractAggregatesWithTenantsRow, TenantAggregatesRow } from './impact.rows';
import { SweepPeople, walkPeople } from '../common/people-walk';
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
export interface SweepPath {
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

export type { SweepPeople };

/** The requests' paths by population, as the sweep statements take them ($byPopulation). */
export function pathsByPopulation(requests: AggregatesRequest[]): Record<string, SweepPath[]> {
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
 * storage order, about `chunk` at a time, chunks added up: see walkPeople) or over the people named in `keys` only (what a
 * write's delta counts before and after it). With `sliceOf`, only that insurer's own slice is
 * counted (its contracts through its paths; no every-insurer counts and no other slice: see
 * cypher/sweep/impact-groups). Runs its statements through `db`, which may be a transaction (see
 * txRequestDb). Requests that reach nobody are absent from the result.
 */
export async function sweepCounts(db: RequestDb, requests: AggregatesRequest[], people: SweepPeople = {}, sliceOf: string | null = null): Promise<SweepCounts> {
  const byPopulation = pathsByPopulation(requests);
  const sums: SweepCounts = new Map();
  // Chunks hold disjoint people, and each contract counts in one chunk only: partial counts add.
  await walkPeople<GroupRow>(db, { sweep: SWEEP, ofPeople: OF_PEOPLE }, { byPopulation, tenant: sliceOf }, people, SWEEP_CHUNK, (groups) => addGroupRows(sums, groups));
  return sums;
}

/**
 * Every-tenant contract totals for several requests, each with every insurer's own slice, exactly
 * as contract-aggregates.cypher counts them (everyone, and with each insurer as tenant), computed
 * by sweeping the people in storage order, about `chunk` at a time, and adding the chunks up. Unlike one
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
