/**
 * Whether the maintained summaries lag behind the committed graph, as the statements that read
 * them report it (cypher/shared/summaries-freshness, the rule's one owner).
 */
export interface SummaryState {
  /** True while a portfolio write or a catalogue change has committed and its refresh has not. */
  stale: boolean;
  /** When they fell behind (ISO 8601 date-time); null when current. */
  staleSince: string | null;
}

/** The summaries' state when none lags: what a live count reads. */
export const SUMMARIES_CURRENT: SummaryState = Object.freeze({ stale: false, staleSince: null });

/**
 * The state of summaries that could not be read (never computed, or not read with the counts):
 * not claimed current, and no moment known.
 */
export const SUMMARIES_UNKNOWN: SummaryState = Object.freeze({ stale: true, staleSince: null });

/** The ways an answer's counts are obtained (the GraphQL enum CountMethod is built from them). */
export const COUNT_METHODS = ['MAINTAINED_SUMMARY', 'DERIVED_FROM_SUMMARY', 'LIVE_COUNT'] as const;

/** How an answer's counts were obtained. */
export type CountMethod = (typeof COUNT_METHODS)[number];

/** What an answer says of its counts: how they were obtained and whether they are current. */
export interface CountFreshness {
  method: CountMethod;
  /** False when they come from summaries that lag behind the graph: never stale served as current. */
  current: boolean;
  /** When the summaries fell behind; null when current. */
  staleSince: string | null;
}

/**
 * The freshness of counts obtained by `method` while the summaries are in `state`: a live count
 * reads the committed graph and is current whatever the summaries' state; counts read from the
 * summaries, or derived from them (an insurer's own date), are current only when they are.
 */
export function countFreshness(method: CountMethod, state: SummaryState): CountFreshness {
  if (method === 'LIVE_COUNT' || !state.stale) return { method, current: true, staleSince: null };
  return { method, current: false, staleSince: state.staleSince };
}
