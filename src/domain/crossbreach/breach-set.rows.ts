import type { SummaryState } from '../impact/count-freshness';
/**
 * A breach-set signature: the breaches reaching one person (or contract), each with the data
 * categories it exposed of them, sorted by breach id, categories sorted (see
 * cypher/crossbreach/breach-set-sweep.cypher).
 */
export type BreachSetSignature = Array<[breachId: string, categoryIds: string[]]>;

/** How many people and contracts share one breach-set signature, for one tenant. */
export interface BreachSetRow {
  signature: BreachSetSignature;
  people: number;
  contracts: number;
}

/** The stored cross-breach counts one reader may use (every insurer's, or its own slice). */
export interface StoredBreachSets {
  /** The breach-set rows of the reader's tenant; empty when nothing of its is reached. */
  rows: BreachSetRow[];
  /** The reference date each breach was counted on, by breach id (breaches without one are absent). */
  referenceDates: Record<string, string>;
  /** Whether the summaries lagged behind the graph when these were read. */
  state: SummaryState;
}
