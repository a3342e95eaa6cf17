import type { NamedQuery } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';

/** Which people a count covers: all of them, in chunks by id, or only those named (a write's delta). */
export type SweepPeople = { chunk?: number; onChunk?: (swept: number) => void; keys?: undefined } | { keys: string[] };

/** Keys per statement when counting named people: a delta's set is usually far smaller. */
const KEYS_PER_STATEMENT = 20_000;

/**
 * The one walk over people that the additive counts share (impact summaries, breach-set
 * counts): either the people named in `people.keys`, in statements of 20,000 keys, through
 * `statements.ofPeople`; or everyone, `people.chunk` at a time in id order, through
 * `statements.sweep` (which takes $after and $limit and returns last, scanned and groups).
 * Each statement also gets `params`, and `add` hears every statement's groups, in order.
 * Partial counts add because chunks hold disjoint people and each contract counts in one chunk
 * only (the statements' rule), so `add` just sums. `db` may be a transaction's (txRequestDb).
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
  let after = '';
  let swept = 0;
  for (;;) {
    const [page] = await db.read<{ last: string | null; scanned: number; groups: G[] }>(statements.sweep, { ...params, after, limit: chunk });
    add(page.groups);
    swept += page.scanned;
    onChunk?.(swept);
    // A short chunk is the last one; a person read again would be counted twice, so never step back.
    if (page.scanned < chunk || page.last === null) break;
    after = page.last;
  }
}
