/** Provenance fields shared by every row that states a fact of the public record. */
export interface ProvenanceRow {
  sourceUrl: string | null;
  confidence: 'H' | 'M' | 'L' | null;
}

/** Description used on every `sourceUrl` field, so Sandbox readers learn the convention once. */
export const SOURCE_URL_DESCRIPTION =
  'Address of the source (without scheme), `seed-article:<id>` for the stored source article, or `facts-sheet:<origin>` for a source named without an address; null when unknown.';

/** Description used on every `confidence` field. */
export const CONFIDENCE_DESCRIPTION = 'Confidence in this fact (H, M, L); null when unknown.';
