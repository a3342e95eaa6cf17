import { cypher } from '../../db/cypher-files';
import type { Executor, RoundTripCounter, TxRun } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import { chainHash, GENESIS_HASH } from './audit-chain';
import type { AuditEventInput, AuditEventRow } from './audit.rows';

const Q = {
  lock: cypher('audit/lock-chain-head'),
  record: cypher('audit/record-event'),
  list: cypher('audit/list-events'),
};

/** The audit chain's head as cypher/shared/audit-chain-head answers it, in the transaction that holds it. */
export interface ChainHead {
  sequence: number;
  hash: string;
}

/** The parameters of cypher/shared/audit-chain-head, for the record `auditId` about to be appended. */
export function chainHeadParams(auditId: string): { auditId: string; genesis: string } {
  return { auditId, genesis: GENESIS_HASH };
}

/**
 * Creates `row` at the chain's head, in the transaction whose earlier statement took the head
 * (audit/lock-chain-head, or any statement that includes shared/audit-chain-head last): the next
 * sequence, the head's hash as its prevHash, and its own hash over both.
 */
export async function appendAuditEvent(run: TxRun, head: ChainHead, row: AuditEventInput): Promise<void> {
  const sequence = head.sequence + 1;
  await run(Q.record, { ...row, sequence, prevHash: head.hash, hash: chainHash(row, sequence, head.hash) });
}

/**
 * Appends one audit record to the hash chain, durable before the read's answer is sent: one write
 * transaction locks the chain's head, reads the last sequence and hash, and creates the record
 * with the next sequence and its hash, so concurrent appends queue on the head and never fork.
 */
export async function recordAuditEvent(executor: Executor, counter: RoundTripCounter, row: AuditEventInput): Promise<void> {
  await executor.writeTransaction(
    'audit/append',
    async (run) => {
      const [head] = await run<ChainHead>(Q.lock, chainHeadParams(row.id));
      await appendAuditEvent(run, head, row);
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
