import { cypher } from '../../db/cypher-files';
import type { Executor } from '../../db/executor';

const Q = { gauges: cypher('admin/ops-gauges') };

/** What /metrics reports of the data at scrape time (cypher/admin/ops-gauges). */
export interface OpsGauges {
  /** The audit chain's head sequence: records chained since the trail began (0 before any). */
  auditChainLength: number;
  /** Audit records stored now (fewer than the length once old ones are pruned). */
  auditEvents: number;
  /** True while the maintained summaries lag behind the graph (shared/summaries-freshness). */
  summariesStale: boolean;
}

/** Reads the gauges in one statement; throws like any read when Neo4j does not answer. */
export async function readOpsGauges(executor: Executor): Promise<OpsGauges> {
  const [row] = await executor.read<OpsGauges>(Q.gauges);
  return row;
}
