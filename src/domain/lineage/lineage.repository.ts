import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { LineageRow } from './lineage.rows';

const Q = { DOWNSTREAM: cypher('lineage/downstream'), UPSTREAM: cypher('lineage/upstream') };

/** Walks data flows from `nodeId` (only the tenant insurer's flows, when set); null when no organisation or system has that id. */
export async function walkLineage(
  db: RequestDb,
  nodeId: string,
  direction: 'UPSTREAM' | 'DOWNSTREAM',
  maxHops: number,
  tenant: string | null,
): Promise<LineageRow | null> {
  const rows = await db.read<LineageRow>(Q[direction], { nodeId, maxHops, tenant });
  return rows[0] ?? null;
}
