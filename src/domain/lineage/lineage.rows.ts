/** What a lineage node is (see cypher/lineage/downstream.cypher for the edges between them). */
export type LineageKind = 'ORGANIZATION' | 'SYSTEM' | 'BREACH' | 'POPULATION';

/** A node reached by a lineage walk, with its shortest path from the root. */
export interface LineageNodeRow {
  id: string;
  name: string;
  kind: LineageKind;
  hops: number;
  path: string[];
  flowIds: string[];
  /** The relationship types along that path (COMPROMISED, RUNS, FLOWS_TO, HOLDS), in order. */
  edges: string[];
  allFlowIds: string[];
}

/** The raw answer of a lineage walk (nodes up to maxHops + 1 hops). */
export interface LineageRow {
  rootId: string;
  rootName: string;
  rootKind: LineageKind;
  nodes: LineageNodeRow[];
}
