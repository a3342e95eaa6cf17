import { cypher } from '../../db/cypher-files';
import type { Executor, RoundTripCounter } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import { chainHash, GENESIS_HASH } from './audit-chain';
import type { AuditEventInput, AuditEventRow } from './audit.rows';

const Q = {
  lock: cypher('audit/lock-chain-head'),
  record: cypher('audit/record-event'),
  list: cypher('audit/list-events'),
};

/**
 * Appends one audit record to the hash chain, durable before the read's answer is sent: one write
 * transaction locks the chain's head, reads the last sequence and hash, and creates the record
 * with the next sequence and its hash, so concurrent appends queue on the head and never fork.
 */
export async function recordAuditEvent(executor: Executor, counter: RoundTripCounter, row: AuditEventInput): Promise<void> {
  await executor.writeTransaction(
    'audit/append',
    async (run) => {
      const [head] = await run<{ sequence: number; hash: string }>(Q.lock, { id: row.id, genesis: GENESIS_HASH });
      const sequence = head.sequence + 1;
      await run(Q.record, { ...row, sequence, prevHash: head.hash, hash: chainHash(row, sequence, head.hash) });
    },
    counter,
  );
}

/** Reads audit records, newest first. */
export async function listAuditEvents(
  db: RequestDb,
  filter: { field: string | null; outcome: string | null; orgId: string | null; operationName: string | null; limit: number },
): Promise<AuditEventRow[]> {
  return (await db.read<{ event: AuditEventRow }>(Q.list, filter)).map((r) => r.event);
}
