import { cypher } from '../../db/cypher-files';
import type { TxRun } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import { chainHash, GENESIS_HASH } from './audit-chain';
import type { AuditEventInput, AuditEventRow } from './audit.rows';

const Q = {
  append: cypher('audit/append-events'),
  list: cypher('audit/list-events'),
};

/** A place in the audit chain: the sequence and hash of its last record (0 and the genesis hash before the first). */
export interface ChainHead {
  sequence: number;
  hash: string;
}

/** The head of a chain with no record yet: what cypher/audit/append-events creates on first use. */
export const EMPTY_CHAIN: ChainHead = { sequence: 0, hash: GENESIS_HASH };

/** `rows` chained one after the other onto `head`: each with the next sequence, the previous hash, and its own hash over both. */
function chained(head: ChainHead, rows: AuditEventInput[]): Array<AuditEventInput & ChainHead & { prevHash: string }> {
  let prev = head;
  return rows.map((row) => {
    const sequence = prev.sequence + 1;
    const hash = chainHash(row, sequence, prev.hash);
    const link = { ...row, sequence, prevHash: prev.hash, hash };
    prev = { sequence, hash };
    return link;
  });
}

/**
 * Appends `rows` (at least one), in order, at the chain's head, in `run`'s write transaction, and
 * returns the new head. `expected` is where the caller believes the head is (what its last append
 * left): one statement when it is right. When another writer moved the head meanwhile, that
 * statement writes nothing but takes the head's lock and answers it, and the rows are chained onto
 * it and sent again: the chain cannot fork, whatever `expected` was.
 */
export async function appendAuditEvents(run: TxRun, expected: ChainHead, rows: AuditEventInput[]): Promise<ChainHead> {
  if (rows.length === 0) throw new Error('appendAuditEvents: no record to append (got an empty list)');
  let head = expected;
  for (let attempt = 1; ; attempt += 1) {
    const events = chained(head, rows);
    const [answer] = await run<ChainHead & { written: number }>(Q.append, {
      holder: rows[0].id,
      genesis: GENESIS_HASH,
      expectedSequence: head.sequence,
      expectedHash: head.hash,
      events,
    });
    if (answer.written === rows.length) return { sequence: events[events.length - 1].sequence, hash: events[events.length - 1].hash };
    // The second attempt chains onto the head this transaction now holds locked: it cannot move.
    if (answer.written !== 0 || attempt > 1) throw new Error(`audit/append-events wrote ${answer.written} of ${rows.length} records at head ${answer.sequence}, expected ${head.sequence}`);
    head = { sequence: answer.sequence, hash: answer.hash };
  }
}

/** Reads audit records, newest first. */
export async function listAuditEvents(
  db: RequestDb,
  filter: { field: string | null; outcome: string | null; orgId: string | null; operationName: string | null; limit: number },
): Promise<AuditEventRow[]> {
  return (await db.read<{ event: AuditEventRow }>(Q.list, filter)).map((r) => r.event);
}
