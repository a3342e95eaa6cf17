/** A node reached by a lineage walk, with its shortest path from the root. */
export interface LineageNodeRow {
  id: string;
  name: string;
  kind: 'ORGANIZATION' | 'SYSTEM';
  hops: number;
  path: string[];
  flowIds: string[];
  allFlowIds: string[];
}

/** The raw answer of a lineage walk (nodes up to maxHops + 1 hops). */
export interface LineageRow {
  rootId: string;
  rootName: string;
  rootKind: 'ORGANIZATION' | 'SYSTEM';
  nodes: LineageNodeRow[];
}
