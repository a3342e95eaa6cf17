import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { BreachSetRow, StoredBreachSets } from './breach-set.rows';

const Q = { stored: cypher('crossbreach/breach-set-summaries') };

/**
 * The stored cross-breach counts `tenant` may read (null: every insurer's), in one round trip;
 * null when none has been computed yet (a database no write has refreshed since this feature),
 * which the caller must not read as "nobody reached".
 */
export async function storedBreachSets(db: RequestDb, tenant: string | null): Promise<StoredBreachSets | null> {
  const [row] = await db.read<{ computed: boolean; referenceDates: string | null; rows: string | null; stale: boolean; staleSince: string | null }>(Q.stored, { tenant });
  if (!row || !row.computed) return null;
  return {
    state: { stale: row.stale, staleSince: row.staleSince },
    rows: row.rows === null ? [] : (JSON.parse(row.rows) as BreachSetRow[]),
    referenceDates: row.referenceDates === null ? {} : (JSON.parse(row.referenceDates) as Record<string, string>),
  };
}
