import { freePort } from './free-port';
import pino from 'pino';
import { Writable } from 'node:stream';
import { Executor } from '../src/db/executor';
import { sharedNeo4j, testLogger } from './harness';

/**
 * Issue #14 §1: "a wrong NEO4J_URI gives 60 s of silence; NEO4J_DATABASE=nodb says the server
 * did not answer within 60 s though it did". Each misconfiguration is named for what it is, on
 * the real database: the two answers a server gives on purpose end the wait at once (a wait of
 * ten minutes is allowed here, so a pass cannot come from a timeout); an unreachable server is
 * logged with its reason on the first failed attempt.
 */
const PATIENT_MS = 10 * 60_000;

async function failure(executor: Executor, waitMs: number): Promise<{ code?: string; message: string }> {
  try {
    await executor.waitUntilReachable(waitMs);
    return { message: 'reached' };
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  } finally {
    await executor.close();
  }
}

test('wrong credentials: NEO4J_AUTH_FAILED naming the user, not a wait for an answer', async () => {
  const { uri } = sharedNeo4j();
  const executor = Executor.create({ uri, auth: { user: 'neo4j', password: 'not-the-password' }, queryTimeoutMs: 10_000, logger: testLogger });
  const f = await failure(executor, PATIENT_MS);
  expect(f.code).toBe('NEO4J_AUTH_FAILED');
  expect(f.message).toContain('"neo4j"');
  expect(f.message).not.toContain('not-the-password');
});

test('an unknown database: NEO4J_DATABASE_NOT_FOUND naming it', async () => {
  const executor = Executor.create({ ...sharedNeo4j(), database: 'nodb', queryTimeoutMs: 10_000, logger: testLogger });
  const f = await failure(executor, PATIENT_MS);
  expect(f.code).toBe('NEO4J_DATABASE_NOT_FOUND');
  expect(f.message).toContain('"nodb"');
});

test('the right settings still connect', async () => {
  const executor = Executor.create({ ...sharedNeo4j(), queryTimeoutMs: 10_000, logger: testLogger });
  expect((await failure(executor, PATIENT_MS)).message).toBe('reached');
});

test('an unreachable server: its reason is logged on the first attempt, and the final error names it', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await freePort();
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const logger = pino({ level: 'warn' }, sink);
  const executor = Executor.create({ uri: `bolt://127.0.0.1:${port}`, auth: sharedNeo4j().auth, queryTimeoutMs: 10_000, logger });
  const f = await failure(executor, 1_000);
  expect(f.code).toBe('SERVICE_UNAVAILABLE');
  expect(f.message).toContain(`bolt://127.0.0.1:${port}`);
  expect(f.message).toMatch(/NEO4J_URI/);
  const first = lines.find((l) => l.msg === 'Neo4j not reachable yet; still trying');
  expect(first).toMatchObject({ uri: `bolt://127.0.0.1:${port}` });
  expect(String(first!.reason).length).toBeGreaterThan(0);
});
