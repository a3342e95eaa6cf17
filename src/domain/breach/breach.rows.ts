import type { ProvenanceRow } from '../common/provenance';

/** A Breach as read from the graph. */
export interface BreachRow {
  id: string;
  name: string;
  summary: string | null;
  vector: string | null;
  attackTechniques: string[];
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
}
