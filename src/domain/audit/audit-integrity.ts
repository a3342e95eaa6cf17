import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import { chainHash, GENESIS_HASH } from './audit-chain';
import type { AuditEventRow } from './audit.rows';

const Q = { head: cypher('audit/chain-head'), page: cypher('audit/chain-page'), unchained: cypher('audit/unchained-events') };
/** Records verified per round trip. */
const PAGE = 1_000;

/** The first link of the chain that does not hold. */
export interface BrokenLink {
  /** Sequence of the offending record, or of the first missing one. */
  sequence: number | null;
  /** Id of the offending record, null when it is missing. */
  id: string | null;
  /** Why, in words. */
  reason: string;
}

/** The outcome of verifying the audit chain. */
export interface IntegrityReport {
  ok: boolean;
  /** Records whose links were checked. */
  checked: number;
  firstBroken: BrokenLink | null;
}

type ChainRecord = Omit<AuditEventRow, 'at'> & { atMillis: number; sequence: number };

/**
 * Verifies the audit trail: from the pruning anchor (or the genesis value) every record must have
 * the next sequence, store the previous record's hash, and hash to what it stores; the last one
 * must be the head's; no record may sit outside the chain. Reports the first link that fails.
 * Records appended while it runs (after the head it read) are left for the next check.
 */
export async function verifyAuditChain(db: RequestDb): Promise<IntegrityReport> {
  const [head] = await db.read<{ sequence: number | null; hash: string | null; anchorSequence: number | null; anchorHash: string | null }>(Q.head);
  const [unchained] = await db.read<{ count: number; someId: string | null }>(Q.unchained);
  let checked = 0;
  const broken = (link: BrokenLink): IntegrityReport => ({ ok: false, checked, firstBroken: link });
  let prevSequence = head?.anchorSequence ?? 0;
  let prevHash = head?.anchorHash ?? GENESIS_HASH;
  const last = head?.sequence ?? 0;
  while (prevSequence < last) {
    const page = (await db.read<{ event: ChainRecord }>(Q.page, { after: prevSequence, limit: PAGE })).map((r) => r.event);
    if (page.length === 0) break;
    for (const e of page) {
      if (e.sequence > last) break;
      if (e.sequence !== prevSequence + 1) return broken({ sequence: e.sequence, id: e.id, reason: `gap: record ${prevSequence + 1} is missing before this one` });
      if (e.prevHash !== prevHash) return broken({ sequence: e.sequence, id: e.id, reason: 'prevHash does not match the hash of the record before it (a record was removed, reordered or replaced)' });
      const recomputed = chainHash({ ...e, at: new Date(e.atMillis).toISOString() }, e.sequence, e.prevHash);
      if (recomputed !== e.hash) return broken({ sequence: e.sequence, id: e.id, reason: 'hash does not match the record’s contents (it was edited after it was written)' });
      checked += 1;
      prevSequence = e.sequence;
      prevHash = e.hash;
    }
  }
  if (prevSequence < last) return broken({ sequence: prevSequence + 1, id: null, reason: `gap: records ${prevSequence + 1} to ${last} are missing (the chain's head is at ${last})` });
  if (last > 0 && prevHash !== head?.hash) return broken({ sequence: last, id: null, reason: 'the chain’s head does not hold the hash of its last record' });
  if (unchained && unchained.count > 0) {
    return broken({ sequence: null, id: unchained.someId, reason: `${unchained.count} record(s) outside the chain (no sequence): written before the chain existed or inserted directly` });
  }
  return { ok: true, checked, firstBroken: null };
}
