import crypto from 'node:crypto';
import { GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { Principal } from '../../auth/principal';
import type { Deadline } from '../../db/deadline';
import type { Executor, RoundTripCounter } from '../../db/executor';
import { isAppError } from '../../errors/app-error';
import { recordAuditEvent } from './audit-appender';
import type { AuditEventInput } from './audit.rows';
import { redactArguments, redactText } from './redact';

/** Why an attempt was refused: the stable error code and a reason safe to store. */
export interface Refusal {
  code: string;
  reason: string;
}

/**
 * Records every attempt on a person- or contract-level field for one request: reads with their
 * row count, refusals with their error code. One record per attempt, told apart by response path.
 */
export interface AuditRecorder {
  /** Records a read that returned `rows` rows. Throws (and the read fails) if it cannot be recorded. */
  read(info: GraphQLResolveInfo, args: Record<string, unknown>, rows: number): Promise<void>;
  /** Records an audited write that stored `rows` records (after the write, before the answer leaves). Throws if it cannot be recorded. */
  written(info: GraphQLResolveInfo, args: Record<string, unknown>, rows: number): Promise<void>;
  /** Records a refusal, with its code and why. */
  refused(info: GraphQLResolveInfo, args: Record<string, unknown>, refusal: Refusal): Promise<void>;
  /** Whether this request already recorded (or tried to record) the attempt at `info`'s path. */
  recorded(info: GraphQLResolveInfo): boolean;
}

/** The response path of a field (`a`, `items.0.b`…): which alias asked. */
export function responsePath(info: GraphQLResolveInfo): string {
  return responsePathAsArray(info.path).join('.');
}

/**
 * The refusal to record for an error thrown by a person-level resolver: its code, and a reason
 * that names no value the reader of the trail may not see (a bad argument is named, its value is
 * not; NIR-shaped text is masked; anything not an AppError is INTERNAL, unexplained).
 */
export function refusalOf(error: unknown): Refusal {
  if (!isAppError(error)) return { code: 'INTERNAL', reason: 'internal error' };
  const argument = error.extensions?.argument;
  if (error.code === 'BAD_USER_INPUT' && typeof argument === 'string') return { code: error.code, reason: `invalid value for "${argument}"` };
  return { code: error.code, reason: redactText(error.message) };
}

/** What one attempt is, apart from who made it: the record's fields that the caller decides. */
export interface AuditAttemptFields {
  /** `Type.field`, or the role-policy key of an HTTP route (e.g. `GET /export/affected-contracts`). */
  field: string;
  /** The response path (alias) of a GraphQL field; a route's own short name otherwise. */
  path: string;
  operationName: string | null;
  args: Record<string, unknown>;
  outcome: 'READ' | 'REFUSED' | 'WRITTEN';
  rows: number | null;
  /**
   * A refusal's code and reason; for a read, an optional code and a reason say how it ended when
   * it did not end well (an export aborted by its client: no code; cut by a failure: its code).
   */
  refusal: { code: string | null; reason: string } | null;
}

/**
 * The audit record of one attempt by `principal`: caller text (token claims, operation name,
 * reason) masked for NIR-shaped runs, arguments redacted (see redact.ts). The one place a record
 * is shaped, for GraphQL fields (the recorder below) and HTTP routes (the mailing export).
 */
export function auditEventOf(principal: Principal, attempt: AuditAttemptFields): AuditEventInput {
  return {
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    // Token claims and operation names are caller text: a NIR typed into one is never stored.
    subject: principal.kind === 'user' ? redactText(principal.subject) : 'anonymous',
    role: principal.kind === 'user' ? principal.role : 'anonymous',
    orgId: principal.kind === 'user' && principal.orgId !== null ? redactText(principal.orgId) : null,
    field: attempt.field,
    path: attempt.path,
    operationName: attempt.operationName ? redactText(attempt.operationName) : null,
    arguments: JSON.stringify(redactArguments(attempt.args)),
    rows: attempt.rows,
    outcome: attempt.outcome,
    code: attempt.refusal?.code ?? null,
    reason: attempt.refusal ? redactText(attempt.refusal.reason) : null,
  };
}

/**
 * Creates the request's recorder. A read is recorded before its rows leave the server: if the
 * audit write fails, the caller gets an error, never unaudited data. `deadline`, the request's,
 * bounds each write's wait.
 */
export function createAuditRecorder(executor: Executor, counter: RoundTripCounter, principal: Principal, deadline?: Deadline): AuditRecorder {
  const paths = new Set<string>();
  const event = (info: GraphQLResolveInfo, args: Record<string, unknown>, outcome: AuditAttemptFields['outcome'], rows: number | null, refusal: Refusal | null) => {
    const path = responsePath(info);
    // Marked before the write: a read whose record failed is not recorded again as a refusal.
    paths.add(path);
    return auditEventOf(principal, {
      field: `${info.parentType.name}.${info.fieldName}`,
      path,
      operationName: info.operation.name ? info.operation.name.value : null,
      args,
      outcome,
      rows,
      refusal,
    });
  };
  const write = (info: GraphQLResolveInfo, args: Record<string, unknown>, outcome: AuditAttemptFields['outcome'], rows: number | null, refusal: Refusal | null) =>
    recordAuditEvent(executor, counter, event(info, args, outcome, rows, refusal), deadline);
  return {
    read: (info, args, rows) => write(info, args, 'READ', rows, null),
    written: (info, args, rows) => write(info, args, 'WRITTEN', rows, null),
    refused: (info, args, refusal) => write(info, args, 'REFUSED', null, refusal),
    recorded: (info) => paths.has(responsePath(info)),
  };
}
