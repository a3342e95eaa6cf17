import { cypher, NamedQuery } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';

const BOUNDS = cypher('people/id-bounds');

/** Which people a count covers: all of them, in chunks of storage order, or only those named (a write's delta). */
export type SweepPeople = { chunk?: number; onChunk?: (swept: number) => void; keys?: undefined } | { keys: string[] };

/** Keys per statement when counting named people: a delta's set is usually far smaller. */
const KEYS_PER_STATEMENT = 20_000;

/**
 * The one walk over people that the additive counts share (impact summaries, breach-set
 * counts): either the people named in `people.keys`, in statements of 20,000 keys, through
 * `statements.ofPeople`; or everyone, about `people.chunk` at a time in storage order, through
 * `statements.sweep`, which takes a range of node ids [$from, $to] (including
 * sweep/people-by-id-range) and returns scanned and groups. The ranges run from the lowest to the
 * highest Beneficiary node id (people/id-bounds), each wide enough to hold `chunk` people on
 * average (other nodes' ids lie between theirs after a transactional import; a bulk import
 * numbers them in one run). Each statement also gets `params`, and `add` hears every statement's
 * groups, in order. Partial counts add because chunks hold disjoint people and each contract
 * counts in one chunk only (the statements' rule), so `add` just sums.
 * `db` may be a transaction's (txRequestDb). A whole walk is not one snapshot: its callers run it
 * in the transaction that holds the summary lock (see summary-refresh), so no portfolio write
 * commits meanwhile and no node id is freed or reused under it.
 * Throws RangeError, showing the value, when `chunk` is not a positive integer.
 */
export async function walkPeople<G>(
  db: RequestDb,
  statements: { sweep: NamedQuery; ofPeople: NamedQuery },
  params: Record<string, unknown>,
  people: SweepPeople,
  defaultChunk: number,
  add: (groups: G[]) => void,
): Promise<void> {
  if (people.keys !== undefined) {
    for (let i = 0; i < people.keys.length; i += KEYS_PER_STATEMENT) {
      const [page] = await db.read<{ groups: G[] }>(statements.ofPeople, { ...params, keys: people.keys.slice(i, i + KEYS_PER_STATEMENT) });
      add(page.groups);
    }
    return;
  }
  const { chunk = defaultChunk, onChunk } = people;
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunk must be a positive integer, got ${chunk}`);
  const [bounds] = await db.read<{ people: number; low: number | null; high: number | null }>(BOUNDS);
  // Nobody to walk: no groups to add.
  if (bounds.low === null || bounds.high === null) return;
  // Ids per chunk: `chunk` people's share of the id range they are spread over.
  const span = Math.max(1, Math.ceil((chunk * (bounds.high - bounds.low + 1)) / bounds.people));
  let swept = 0;
  for (let from = bounds.low; from <= bounds.high; from += span) {
    const [page] = await db.read<{ scanned: number; groups: G[] }>(statements.sweep, { ...params, from, to: Math.min(from + span - 1, bounds.high) });
    add(page.groups);
    swept += page.scanned;
    onChunk?.(swept);
  }
}
