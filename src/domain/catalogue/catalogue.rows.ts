import type { ProvenanceRow } from '../common/provenance';

/** A System as read from the graph. */
export interface SystemRow extends ProvenanceRow {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  operatorId: string;
}

/** An AccessChannel as read from the graph. */
export interface AccessChannelRow extends ProvenanceRow {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  systemId: string;
}

/** A DataCategory as read from the graph. */
export interface DataCategoryRow {
  id: string;
  name: string;
  /** French name; null on a graph seeded before French names existed. */
  nameFr: string | null;
  fideslangKey: string | null;
  description: string | null;
  parentId: string | null;
}

/** A Population as read from the graph. */
export interface PopulationRow extends ProvenanceRow {
  id: string;
  name: string;
  kind: string;
  size: number | null;
  sizeQualifier: string | null;
  note: string | null;
  synthetic: boolean;
  ownerId: string;
  /** Cut-off date bounding who is concerned, with its own provenance; null when none is stated. */
  cutOff: (ProvenanceRow & { date: string; note: string | null }) | null;
}

/** A DataFlow as read from the graph, with its endpoints and GDPR roles. */
export interface DataFlowRow extends ProvenanceRow {
  id: string;
  fromId: string;
  toId: string;
  populationId: string;
  /** Null when the record names no controller (a broker's clients). */
  controllerId: string | null;
  processorId: string;
  subProcessorId: string | null;
  viaId: string | null;
  categoryIds: string[];
  validFrom: string | null;
  validTo: string | null;
  retentionMonths: number | null;
  note: string | null;
}
