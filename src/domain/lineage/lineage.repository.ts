import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../graphql/request-db';
import type { LineageRow } from './lineage.rows';

const Q = { DOWNSTREAM: cypher('lineage/downstream'), UPSTREAM: cypher('lineage/upstream') };

/** Walks data flows from `nodeId`; null when no organisation or system has that id. */
export async function walkLineage(db: RequestDb, nodeId: string, direction: 'UPSTREAM' | 'DOWNSTREAM', maxHops: number): Promise<LineageRow | null> {
  const rows = await db.read<LineageRow>(Q[direction], { nodeId, maxHops });
  return rows[0] ?? null;
}
