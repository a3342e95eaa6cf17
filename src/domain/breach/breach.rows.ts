import type { ProvenanceRow } from '../common/provenance';

/** A Breach as read from the graph. */
export interface BreachRow {
  id: string;
  name: string;
  summary: string | null;
  vector: string | null;
  attackTechniques: string[];
  /** Parallel to attackTechniques: whether each is inferred, its source and confidence ('' unknown). */
  techniqueInferred?: boolean[] | null;
  techniqueSources?: string[] | null;
  techniqueConfidences?: string[] | null;
  ransomware: boolean | null;
  victimId: string;
}

/** A dated (or undated: null) event of a breach. */
export interface BreachEventRow extends ProvenanceRow {
  id: string;
  kind: string;
  date: string | null;
  description: string | null;
}

/** An EXPOSURE relationship: what a breach exposed, claimed or did not expose. */
export interface ExposureRow extends ProvenanceRow {
  categoryId: string;
  subjects: string;
  status: string;
  scope: string | null;
  scopeNote: string | null;
  note: string | null;
}

/** A COMPROMISED relationship: a system a breach hit and the channel used. */
export interface CompromisedRow extends ProvenanceRow {
  systemId: string;
  channelId: string | null;
}

/** A figure reported about a breach. */
export interface ReportedFigureRow extends ProvenanceRow {
  id: string;
  metric: string;
  value: number | null;
  qualifier: string | null;
  text: string | null;
  date: string | null;
  note: string | null;
  reportedById: string | null;
  aboutId: string | null;
  populationId: string | null;
  year: number | null;
  organizationKind: string | null;
  caveats: CaveatRow[];
}

/** A caveat on a figure, with its own provenance. */
export interface CaveatRow extends ProvenanceRow {
  id: string;
  text: string;
}
