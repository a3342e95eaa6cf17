import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { LineageRow } from './lineage.rows';

const Q = { DOWNSTREAM: cypher('lineage/downstream'), UPSTREAM: cypher('lineage/upstream') };

/**
 * Walks the lineage graph from `nodeId` (a breach, system, organisation or population): breaches
 * to the systems they compromised, operators to the systems they run, data flows, and systems to
 * the populations whose data they hold. With `tenant`, only that insurer's flows are walked.
 * Null when no such node has that id.
 */
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
