import crypto from 'node:crypto';
import type { AuditEventInput } from './audit.rows';

/** The `prevHash` of the first record of a trail that was never pruned. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash chaining a record to its predecessor: SHA-256 (hex) over a canonical serialisation, a
 * JSON array of every stored field in a fixed order (time as epoch milliseconds, so the database's
 * own datetime formatting cannot change it), the sequence number and the previous hash. Changing
 * any field, the order, or removing a record changes a hash that the next record stores.
 */
export function chainHash(record: AuditEventInput, sequence: number, prevHash: string): string {
  const canonical = JSON.stringify([
    'audit-v1',
    sequence,
    record.id,
    Date.parse(record.at),
    record.subject,
    record.role,
    record.orgId,
    record.field,
    record.path,
    record.operationName,
    record.arguments,
    record.rows,
    record.outcome,
    record.code,
    record.reason,
    prevHash,
  ]);
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}
