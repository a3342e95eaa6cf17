import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import { badInput } from '../../errors/app-error';
import { chainHash, GENESIS_HASH } from './audit-chain';
import type { AuditEventRow } from './audit.rows';

const Q = { head: cypher('audit/chain-head'), page: cypher('audit/chain-page'), hashAt: cypher('audit/event-hash'), unchained: cypher('audit/unchained-events') };
/** Records verified per round trip. */
const PAGE = 1_000;
/**
 * Records one verification checks when the caller does not say: about a second's work (measured:
 * 100,000 records in 5.4–6.5 s on a quiet 2-core machine), well within a request's deadline on a
 * busy one.
 */
export const DEFAULT_INTEGRITY_LIMIT = 20_000;
/** Records per piece when nothing bounds the time (npm run audit:verify). */
export const OFFLINE_INTEGRITY_PIECE = 100_000;
/** The most records one verification may check: a longer chain is verified in pieces (`next`). */
export const MAX_INTEGRITY_LIMIT = 1_000_000;

/** The first link of the chain that does not hold. */
export interface BrokenLink {
  /** Sequence of the offending record, or of the first missing one. */
  sequence: number | null;
  /** Id of the offending record, null when it is missing. */
  id: string | null;
  /** Why, in words. */
  reason: string;
}

/** Which piece of the chain one verification checks. */
export interface IntegrityRange {
  /** Start after this sequence (null: at the pruning anchor, the chain's start); below the anchor counts as the anchor. */
  after: number | null;
  /** At most this many records (1 to MAX_INTEGRITY_LIMIT). */
  limit: number;
}

/** The outcome of verifying (a piece of) the audit chain. */
export interface IntegrityReport {
  /** No broken link among the records checked (and, when the check reached the head, no record outside the chain). */
  ok: boolean;
  /** Records whose links were checked. */
  checked: number;
  firstBroken: BrokenLink | null;
  /** The sequence the check started after: the anchor's (0 for a chain never pruned), or `after`. */
  after: number;
  /** The chain's last sequence when the check began (0 when nothing was recorded). */
  headSequence: number;
  /** The check reached the head: with `ok`, every record from `after` to the head holds. */
  complete: boolean;
  /** Where the next piece starts (its `after`) when this one stopped at its limit with every link holding; null otherwise. */
  next: number | null;
}

type ChainRecord = Omit<AuditEventRow, 'at'> & { atMillis: number; sequence: number };

/**
 * Verifies the audit trail, or one piece of it. From the pruning anchor (or the genesis value),
 * or from `range.after` (then against the hash stored by record `after`, which the piece before
 * verified), every record must have the next sequence, store the previous record's hash, and hash
 * to what it stores; a check that reaches the head ends on the head's hash. Reports the first
 * link that fails.
 *
 * Why pieces: one check of the whole trail grows with every audited read (its p50 went from 182
 * to 586 ms within one 10-minute soak) and would pass any request deadline after a few million
 * records; a piece of at most `range.limit` records costs the same whatever the trail's length,
 * and the pieces, each starting at the previous one's `next`, verify it all. Records outside the
 * chain are counted in constant time (the count store, against the chain's length) and searched
 * for only when there are some. Records appended while it runs (after the head it read) are left
 * for the next check. A bad range is BAD_USER_INPUT, naming the argument and its value.
 */
export async function verifyAuditChain(db: RequestDb, range: IntegrityRange = { after: null, limit: DEFAULT_INTEGRITY_LIMIT }): Promise<IntegrityReport> {
  if (!Number.isInteger(range.limit) || range.limit < 1 || range.limit > MAX_INTEGRITY_LIMIT) throw badInput('limit', range.limit, `must be between 1 and ${MAX_INTEGRITY_LIMIT}`);
  if (range.after !== null && !(Number.isInteger(range.after) && range.after >= 0)) throw badInput('after', range.after, 'must be 0 or more');
  const [head] = await db.read<{ sequence: number | null; hash: string | null; anchorSequence: number | null; anchorHash: string | null; events: number }>(Q.head);
  const anchor = head?.anchorSequence ?? 0;
  const last = head?.sequence ?? 0;
  const after = Math.max(anchor, range.after ?? anchor);
  const end = Math.min(last, after + range.limit);
  let checked = 0;
  const report = (firstBroken: BrokenLink | null, complete: boolean): IntegrityReport => ({
    ok: firstBroken === null,
    checked,
    firstBroken,
    after,
    headSequence: last,
    complete,
    next: firstBroken === null && !complete ? end : null,
  });
  let prevSequence = after;
  let prevHash = head?.anchorHash ?? GENESIS_HASH;
  if (after > anchor && after < last) {
    // A piece inside the chain links to the record it starts after (the previous piece checked that one).
    const [at] = await db.read<{ hash: string | null }>(Q.hashAt, { sequence: after });
    if (!at?.hash) return report({ sequence: after, id: null, reason: `gap: record ${after}, which this check starts after, is missing` }, false);
    prevHash = at.hash;
  }
  while (prevSequence < end) {
    const page = (await db.read<{ event: ChainRecord }>(Q.page, { after: prevSequence, limit: Math.min(PAGE, end - prevSequence) })).map((r) => r.event);
    if (page.length === 0) break;
    for (const e of page) {
      if (e.sequence > end) break;
      if (e.sequence !== prevSequence + 1) return report({ sequence: e.sequence, id: e.id, reason: `gap: record ${prevSequence + 1} is missing before this one` }, false);
      if (e.prevHash !== prevHash) return report({ sequence: e.sequence, id: e.id, reason: 'prevHash does not match the hash of the record before it (a record was removed, reordered or replaced)' }, false);
      const recomputed = chainHash({ ...e, at: new Date(e.atMillis).toISOString() }, e.sequence, e.prevHash);
      if (recomputed !== e.hash) return report({ sequence: e.sequence, id: e.id, reason: 'hash does not match the record’s contents (it was edited after it was written)' }, false);
      checked += 1;
      prevSequence = e.sequence;
      prevHash = e.hash;
    }
  }
  if (prevSequence < end) return report({ sequence: prevSequence + 1, id: null, reason: `gap: records ${prevSequence + 1} to ${end} are missing (the chain's head is at ${last})` }, false);
  const complete = end >= last;
  if (complete && after < last && prevHash !== head?.hash) return report({ sequence: last, id: null, reason: 'the chain’s head does not hold the hash of its last record' }, true);
  // More records than the chain holds from its anchor to its head: some sit outside it.
  if ((head?.events ?? 0) > last - anchor) {
    const [unchained] = await db.read<{ count: number; someId: string | null }>(Q.unchained);
    if (unchained && unchained.count > 0) {
      return report({ sequence: null, id: unchained.someId, reason: `${unchained.count} record(s) outside the chain (no sequence): written before the chain existed or inserted directly` }, complete);
    }
  }
  return report(null, complete);
}

/**
 * Verifies the whole trail, `pieceLimit` records per piece, each piece starting at the previous
 * one's `next` (for a caller without a request deadline: `npm run audit:verify`). `onPiece` hears
 * each piece's report as it ends. Stops at the first broken link. Returns the last piece's report
 * with `after` the first piece's and `checked` summed over the pieces.
 */
export async function verifyWholeAuditChain(db: RequestDb, pieceLimit = OFFLINE_INTEGRITY_PIECE, onPiece?: (piece: IntegrityReport) => void): Promise<IntegrityReport> {
  let checked = 0;
  let first: number | null = null;
  for (let after: number | null = null; ; ) {
    const piece = await verifyAuditChain(db, { after, limit: pieceLimit });
    onPiece?.(piece);
    checked += piece.checked;
    first ??= piece.after;
    if (!piece.ok || piece.complete || piece.next === null) return { ...piece, after: first, checked };
    after = piece.next;
  }
}
