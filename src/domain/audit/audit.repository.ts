import { cypher } from '../../db/cypher-files';
import type { Executor, RoundTripCounter } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import type { AuditEventRow } from './audit.rows';

const Q = { record: cypher('audit/record-event'), list: cypher('audit/list-events') };

/** Writes one audit record in its own transaction (durable before the read's answer is sent). */
export async function recordAuditEvent(executor: Executor, counter: RoundTripCounter, row: AuditEventRow): Promise<void> {
  await executor.write(Q.record, { ...row }, counter);
}

/** Reads audit records, newest first. */
export async function listAuditEvents(
  db: RequestDb,
  filter: { field: string | null; outcome: string | null; orgId: string | null; operationName: string | null; limit: number },
): Promise<AuditEventRow[]> {
  return (await db.read<{ event: AuditEventRow }>(Q.list, filter)).map((r) => r.event);
}
