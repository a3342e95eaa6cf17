import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { ContractAggregatesRow, ImpactPathRow, ImpactPathsRow } from './impact.rows';

const Q = {
  paths: cypher('impact/impact-paths'),
  aggregates: cypher('impact/contract-aggregates'),
};

/** An impact request: a breach on a reference date (null: the breach's own). */
export interface ImpactKey {
  breachId: string;
  asOf: string | null;
}

/** An impact-paths request; `routes` false (the summary refresh) skips the walk over contracts that fills networkRoutes. */
export interface ImpactPathsRequest extends ImpactKey {
  routes?: boolean;
}

/** The cache key of an {@link ImpactKey} in the per-request loaders. */
export function impactKey(k: ImpactKey): string {
  return `${k.breachId}|${k.asOf ?? ''}`;
}

/**
 * Population-level paths for several requests in one statement; unknown breaches are absent.
 * Each path's networkRoutes are walked from its contracts unless the request says `routes: false`.
 * `tenant` confines them to one insurer. Paths come in a stable order (controller, population,
 * flow, system) with their categories by id, so a stored answer and a live one list them alike.
 */
export async function impactPaths(db: RequestDb, requests: ImpactPathsRequest[], tenant: string | null): Promise<ImpactPathsRow[]> {
  const rows = await db.read<ImpactPathsRow>(Q.paths, { requests, tenant });
  for (const row of rows) row.paths = inStableOrder(row.paths);
  return rows;
}

/**
 * Paths in the stable order every answer lists them in (controller, population, flow, system;
 * an unknown controller first), each with its categories by id, so that a stored answer, a live
 * one and a what-if list them alike. Sorts in place and returns the list.
 */
export function inStableOrder(paths: ImpactPathRow[]): ImpactPathRow[] {
  const order = (p: ImpactPathRow) => `${p.controllerId ?? ''}\u0000${p.populationId}\u0000${p.flowId}\u0000${p.systemId}`;
  paths.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  for (const p of paths) p.exposedCategoryIds.sort();
  return paths;
}

/** One contract-aggregates request: its cache key, reference date and qualifying paths. */
export interface AggregatesRequest {
  key: string;
  referenceDate: string;
  paths: ImpactPathRow[];
}

/**
 * Contract-level totals for several requests, each given its qualifying paths and reference date,
 * counted live in one statement (`tenant` confines them to one insurer's contracts). It collects a
 * request's every affected row, so it serves live answers (another date, a tenant's own count);
 * the summary refresh, which counts whole national breaches, uses contractAggregatesSweep.
 * With `routes`, each row also carries the care networks each path's counted contracts go through
 * (`routes`, see routesFromAggregates): a what-if fills its paths from them instead of walking the
 * contracts again; without it the rows hold counts only.
 */
export async function contractAggregates(db: RequestDb, requests: AggregatesRequest[], tenant: string | null, options: { routes?: boolean } = {}): Promise<ContractAggregatesRow[]> {
  const routes = options.routes ?? false;
  const rows = await db.read<ContractAggregatesRow>(Q.aggregates, { requests, tenant, routes });
  return routes ? rows : rows.map(({ routes: _none, ...counts }) => counts);
}
