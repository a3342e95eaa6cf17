import crypto from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import type { Principal } from '../../auth/principal';
import type { Executor, RoundTripCounter } from '../../db/executor';
import { recordAuditEvent } from './audit.repository';
import { redactArguments } from './redact';

/** Records person- and contract-level reads and refusals for one request. */
export interface AuditRecorder {
  /** Records a read that returned `rows` rows. Throws (and the read fails) if it cannot be recorded. */
  read(info: GraphQLResolveInfo, args: Record<string, unknown>, rows: number): Promise<void>;
  /** Records a refusal, with why. */
  refused(info: GraphQLResolveInfo, args: Record<string, unknown>, reason: string): Promise<void>;
}

/**
 * Creates the request's recorder. A read is recorded before its rows leave the server: if the
 * audit write fails, the caller gets an error, never unaudited data.
 */
export function createAuditRecorder(executor: Executor, counter: RoundTripCounter, principal: Principal): AuditRecorder {
  const write = (info: GraphQLResolveInfo, args: Record<string, unknown>, outcome: 'READ' | 'REFUSED', rows: number | null, reason: string | null) =>
    recordAuditEvent(executor, counter, {
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      subject: principal.kind === 'user' ? principal.subject : 'anonymous',
      role: principal.kind === 'user' ? principal.role : 'ANONYMOUS',
      orgId: principal.kind === 'user' ? principal.orgId : null,
      field: `${info.parentType.name}.${info.fieldName}`,
      operationName: info.operation.name?.value ?? null,
      arguments: JSON.stringify(redactArguments(args)),
      rows,
      outcome,
      reason,
    });
  return {
    read: (info, args, rows) => write(info, args, 'READ', rows, null),
    refused: (info, args, reason) => write(info, args, 'REFUSED', null, reason),
  };
}
