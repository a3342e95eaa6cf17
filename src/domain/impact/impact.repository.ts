import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../graphql/request-db';
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

/** The cache key of an {@link ImpactKey} in the per-request loaders. */
export function impactKey(k: ImpactKey): string {
  return `${k.breachId}|${k.asOf ?? ''}`;
}

/** Population-level paths for several requests in one statement; unknown breaches are absent. `tenant` confines them to one insurer. */
export async function impactPaths(db: RequestDb, requests: ImpactKey[], tenant: string | null): Promise<ImpactPathsRow[]> {
  return db.read<ImpactPathsRow>(Q.paths, { requests, tenant });
}

/** Contract-level totals for several requests, each given its qualifying paths and reference date. */
export async function contractAggregates(
  db: RequestDb,
  requests: Array<{ key: string; referenceDate: string; paths: ImpactPathRow[] }>,
  tenant: string | null,
): Promise<ContractAggregatesRow[]> {
  return db.read<ContractAggregatesRow>(Q.aggregates, { requests, tenant });
}
