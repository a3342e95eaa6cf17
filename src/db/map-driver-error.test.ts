import { Neo4jError } from 'neo4j-driver';
import pino from 'pino';
import { mapDriverError } from './executor';

const silent = pino({ level: 'silent' });

/** A driver error as the server sends it (the GQL status fields do not matter here). */
function serverError(message: string, code: string): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'error: general processing exception');
}

/**
 * Soak finding (bench/soak.md, 2026-12-03): under load a contract page answered INTERNAL after
 * 18.8 s. A transient error (a deadlock between audit writers, a memory pool exhausted) is retried
 * until the retry time runs out and then reached mapDriverError, which only knew unreachable and
 * timed-out servers: the caller was told of an internal fault where the database was busy.
 */
test.each([
  'Neo.TransientError.Transaction.DeadlockDetected',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.TransientError.Database.DatabaseUnavailable',
])('a transient error that outlived its retries (%s) is SERVICE_UNAVAILABLE, not INTERNAL', (code) => {
  const err = mapDriverError(serverError('busy: MATCH (c:Contract {id: $id}) secret-value', code), 'contract/page', silent);
  expect(err.code).toBe('SERVICE_UNAVAILABLE');
  // The driver's message can echo query text or values: it is never passed on.
  expect(err.message).not.toMatch(/secret-value|MATCH/);
});

test('a statement error that retrying cannot help stays INTERNAL, its text kept out of the answer', () => {
  const err = mapDriverError(serverError('Invalid input secret-value', 'Neo.ClientError.Statement.SyntaxError'), 'contract/page', silent);
  expect(err.code).toBe('INTERNAL');
  expect(err.message).not.toMatch(/secret-value/);
});

test('an unreachable server and a timed-out statement keep their SERVICE_UNAVAILABLE answers', () => {
  expect(mapDriverError(serverError('gone', 'ServiceUnavailable'), 'q', silent).code).toBe('SERVICE_UNAVAILABLE');
  expect(mapDriverError(serverError('slow', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), 'q', silent).message).toMatch(/too long/);
});

test('regression: a statement stopped by its timeout while it waited for a lock (LockClientStopped) is a timeout, not INTERNAL', () => {
  // What Neo4j 5.26 answered an audit append whose commit timed out behind the chain's head lock (test/audit-chain.test.ts).
  const err = mapDriverError(serverError('The transaction has been terminated, so no more locks can be acquired.', 'Neo.ClientError.Transaction.LockClientStopped'), 'audit/append-events', silent);
  expect(err.code).toBe('SERVICE_UNAVAILABLE');
  expect(err.message).toMatch(/too long/);
});
