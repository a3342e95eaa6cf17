import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';

const Q = { flowIds: cypher('exchange/lineage-flow-ids') };

/**
 * The ids of every data flow a lineage export covers, in id order: with `tenant` (an insurer),
 * only the flows it controls; without, every flow of the graph.
 */
export async function lineageFlowIds(db: RequestDb, tenant: string | null): Promise<string[]> {
  return (await db.read<{ id: string }>(Q.flowIds, { tenant })).map((r) => r.id);
}
