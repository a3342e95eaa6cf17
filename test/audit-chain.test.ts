import crypto from 'node:crypto';
import { cypher } from '../src/db/cypher-files';
import { verifyWholeAuditChain } from '../src/domain/audit/audit-integrity';
import { applyAuditRetention, pruneAuditTrail } from '../src/domain/audit/audit-prune';
import { Executor, newRoundTripCounter, RoundTripCounter } from '../src/db/executor';
import { auditAppenderOf, recordAuditEvent } from '../src/domain/audit/audit-appender';
import { auditEventOf } from '../src/domain/audit/audit-recorder';
import { GENESIS_HASH } from '../src/domain/audit/audit-chain';
import { deadlineAfter } from '../src/db/deadline';
import { requestDb } from '../src/db/request-db';
import { Api, as, startApi, startPrivateNeo4j, testLogger, TestNeo4j } from './harness';

/**
 * Issue #10 §2: the audit trail is tamper-evident. Runs on a Neo4j of its own, since it edits,
 * deletes and prunes records that other test files would otherwise read.
 */
let server: TestNeo4j & { stop(): Promise<void> };
let api: Api;
beforeAll(async () => {
  server = await startPrivateNeo4j();
  api = await startApi(server);
});
afterAll(async () => {
  await api?.close();
  await server?.stop();
});

const alan = as('INSURER', 'org-alan');
const unique = (prefix: string) => `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
const INTEGRITY = '{ auditIntegrity { ok checked firstBroken { sequence id reason } } }';

async function integrity() {
  const { data, errors } = await api.run(INTEGRITY, undefined, as('REGULATOR'));
  expect(errors).toBeUndefined();
  return data.auditIntegrity;
}

/** Makes `n` audited reads under one operation name and returns their records, oldest first. */
async function reads(n: number) {
  const op = unique('ChainProbe');
  for (let i = 0; i < n; i += 1) {
    const { errors } = await api.run(`query ${op} { affectedContracts(breachId: "breach-almerys-2024", first: 1) { totalCount } }`, undefined, alan);
    expect(errors).toBeUndefined();
  }
  const { data, errors } = await api.run('query($op: String) { auditEvents(operationName: $op, limit: 50) { id sequence rows at } }', { op }, as('ADMIN'));
  expect(errors).toBeUndefined();
  return (data.auditEvents as Array<{ id: string; sequence: number; rows: number; at: string }>).sort((a, b) => a.sequence - b.sequence);
}

test('an intact trail verifies', async () => {
  await reads(3);
  const report = await integrity();
  expect(report).toMatchObject({ ok: true, firstBroken: null });
  expect(report.checked).toBeGreaterThanOrEqual(3);
});

test('regression: a record edited through Bolt is reported, with its sequence and why', async () => {
  const recs = await reads(3);
  const victim = recs[1];
  await api.executor.write(cypher('test-probe/set-audit-event-rows'), { id: victim.id, rows: victim.rows + 7 });
  const broken = await integrity();
  expect(broken.ok).toBe(false);
  expect(broken.firstBroken).toMatchObject({ sequence: victim.sequence, id: victim.id, reason: expect.stringMatching(/hash/i) });
  // Put back, the chain verifies again: the check reads what is stored, nothing cached.
  await api.executor.write(cypher('test-probe/set-audit-event-rows'), { id: victim.id, rows: victim.rows });
  expect(await integrity()).toMatchObject({ ok: true, firstBroken: null });
});

test('auditIntegrity is for ADMIN and REGULATOR only', async () => {
  for (const principal of [alan, as('ANALYST')]) {
    const { errors } = await api.run(INTEGRITY, undefined, principal);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
  const { errors } = await api.run(INTEGRITY, undefined, as('ADMIN'));
  expect(errors).toBeUndefined();
});

test('concurrent writers do not fork the chain: sequences are distinct and contiguous', async () => {
  const op = unique('ConcurrentProbe');
  const results = await Promise.all(
    Array.from({ length: 12 }, () => api.run(`query ${op} { affectedContracts(breachId: "breach-almerys-2024", first: 1) { totalCount } }`, undefined, alan)),
  );
  for (const r of results) expect(r.errors).toBeUndefined();
  const sequences = (await recordedSequences(op)).sort((a, b) => a - b);
  expect(new Set(sequences).size).toBe(12);
  expect(await integrity()).toMatchObject({ ok: true, firstBroken: null });
});

/** The sequence numbers of the audit records written under operation name `op`, as ADMIN reads them. */
async function recordedSequences(op: string): Promise<number[]> {
  const { data } = await api.run('query($op: String) { auditEvents(operationName: $op, limit: 100) { sequence } }', { op }, as('ADMIN'));
  return (data.auditEvents as Array<{ sequence: number }>).map((e) => e.sequence);
}

/** One audit record of a read by another process's caller, under operation name `op`. */
function otherRecord(op: string) {
  return auditEventOf(as('REGULATOR'), { field: 'Query.affectedContracts', path: 'affectedContracts', operationName: op, args: {}, outcome: 'READ', rows: 1, refusal: null });
}

test('records that arrive while a commit is under way share the next one: 30 appends at once, 2 transactions', async () => {
  // An executor of its own: its appender has committed nothing yet.
  const executor = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 60_000, logger: testLogger });
  try {
    const op = unique('GroupProbe');
    const counters: RoundTripCounter[] = Array.from({ length: 30 }, () => newRoundTripCounter());
    await Promise.all(counters.map((c) => recordAuditEvent(executor, c, otherRecord(op))));
    // The first starts a commit alone; the other 29 arrive before it ends and go in the next.
    expect(auditAppenderOf(executor).commits).toBe(2);
    // Each request counts the statement(s) of the commit it waited for, nothing else.
    for (const c of counters) expect(new Set(c.queries)).toEqual(new Set(['audit/append-events']));
    const sequences = (await recordedSequences(op)).sort((a, b) => a - b);
    expect(sequences).toHaveLength(30);
    expect(sequences[29] - sequences[0]).toBe(29);
    expect(await integrity()).toMatchObject({ ok: true, firstBroken: null });
  } finally {
    await executor.close();
  }
});

/**
 * Another transaction holding the chain's head (as a writer in another process would), until
 * `release` is called or `safetyMs` passes (so that a test fails rather than hangs); `held` says
 * whether it still holds it.
 */
async function holdChainHead(name: string, safetyMs: number): Promise<{ release: () => void; held: () => boolean; done: () => Promise<void> }> {
  const holder = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 600_000, logger: testLogger });
  let closed: Promise<void> | undefined;
  let held = true;
  let free!: () => void;
  const released = new Promise<void>((r) => (free = r));
  const release = () => {
    held = false;
    free();
  };
  const safety = setTimeout(release, safetyMs);
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const holding = holder.writeTransaction('test-probe/lock-audit-chain', async (run) => {
    await run(cypher('test-probe/lock-audit-chain'), { genesis: GENESIS_HASH, holder: name });
    locked();
    await released;
  });
  await Promise.race([isLocked, holding]);
  return {
    release,
    held: () => held,
    // Called on the test's path and again in its finally: the holder's driver is closed once.
    done: async () => {
      clearTimeout(safety);
      release();
      await holding.catch(() => undefined);
      closed ??= holder.close();
      await closed;
    },
  };
}

test('regression: an audit write waits no longer than its request has left (it had the executor\'s whole timeout): while another transaction holds the chain\'s head, a record whose request has 2 s left is refused with SERVICE_UNAVAILABLE, and nothing of it is written', async () => {
  // The executor's own timeout is far longer than the request's: before, the commit had it.
  const executor = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 600_000, logger: testLogger });
  // So that the test fails rather than hangs when the append waits on: the lock goes after 2 minutes.
  const head = await holdChainHead('deadline-test', 120_000);
  try {
    const op = unique('DeadlineProbe');
    const outcome = await recordAuditEvent(executor, newRoundTripCounter(), otherRecord(op), deadlineAfter(2_000)).then(
      () => 'written',
      (e: unknown) => e,
    );
    await head.done();
    expect(outcome).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await recordedSequences(op)).toEqual([]);
    // The appender goes on: the next record is written and the chain still verifies.
    await recordAuditEvent(executor, newRoundTripCounter(), otherRecord(op), deadlineAfter(60_000));
    expect(await integrity()).toMatchObject({ ok: true, firstBroken: null });
  } finally {
    await head.done();
    await executor.close();
  }
});

test('regression: a record queued behind a commit that waits stops waiting at its request\'s deadline, while the commit ahead still waits, and is never written', async () => {
  const executor = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 600_000, logger: testLogger });
  // Fails rather than hangs: without the fix the queued record only answers once the lock goes.
  const head = await holdChainHead('queued-deadline-test', 60_000);
  try {
    const op = unique('QueuedDeadlineProbe');
    // The first record starts a commit, which waits for the head's lock with time to spare.
    const first = recordAuditEvent(executor, newRoundTripCounter(), otherRecord(`${op}First`), deadlineAfter(120_000));
    // The second arrives while that commit is under way: it waits for the next one.
    const queued = await recordAuditEvent(executor, newRoundTripCounter(), otherRecord(op), deadlineAfter(1_000)).then(
      () => ({ outcome: 'written' as unknown, whileHeld: head.held() }),
      (e: unknown) => ({ outcome: e, whileHeld: head.held() }),
    );
    await head.done();
    await first;
    expect(queued.outcome).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/reached its deadline/) });
    // It answered while the commit ahead of it still waited for the lock (before: only after it).
    expect(queued.whileHeld).toBe(true);
    expect(await recordedSequences(op)).toEqual([]);
    expect(await integrity()).toMatchObject({ ok: true, firstBroken: null });
  } finally {
    await head.done();
    await executor.close();
  }
});

test('two processes appending at once keep one chain: a stale guess of the head is caught under its lock and the batch chained onto the real head', async () => {
  // A second process's driver and appender: each process only guesses where the head is.
  const other = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 60_000, logger: testLogger });
  try {
    const op = unique('TwoProcesses');
    // The statements each append cost, in either process.
    const appends: string[][] = [];
    for (let round = 0; round < 4; round += 1) {
      await Promise.all([
        ...Array.from({ length: 4 }, async () => {
          const r = await api.run(`query ${op} { affectedContracts(breachId: "breach-almerys-2024", first: 1) { totalCount } }`, undefined, alan);
          expect(r.errors).toBeUndefined();
          appends.push(r.queries.filter((q) => q === 'audit/append-events'));
        }),
        ...Array.from({ length: 4 }, async () => {
          const counter = newRoundTripCounter();
          await recordAuditEvent(other, counter, otherRecord(op));
          appends.push(counter.queries);
        }),
      ]);
    }
    // Whichever process committed first in a round guessed wrong in the next (the other had moved
    // the head since): its statement wrote nothing and the batch went again onto the real head.
    expect(appends.some((a) => a.length === 2)).toBe(true);
    expect(appends.every((a) => a.length >= 1 && a.length <= 2)).toBe(true);
    const sequences = await recordedSequences(op);
    expect(new Set(sequences).size).toBe(32);
    expect(await integrity()).toMatchObject({ ok: true, firstBroken: null });
  } finally {
    await other.close();
  }
});

test('regression: a record deleted through Bolt is reported as a gap', async () => {
  const recs = await reads(3);
  await api.executor.write(cypher('test-probe/delete-audit-event'), { id: recs[1].id });
  const broken = await integrity();
  expect(broken.ok).toBe(false);
  expect(broken.firstBroken).toMatchObject({ sequence: recs[2].sequence, id: recs[2].id, reason: expect.stringMatching(/missing|gap/i) });
  // The chain stays broken until the next test prunes past the gap.
});

test('pruning deletes the oldest records and keeps the chain verifiable from its anchor', async () => {
  const old = await reads(2);
  const cutoff = new Date(Date.parse(old[1].at) + 1);
  // Later records must be strictly newer than the cut-off, whatever the clock's resolution.
  while (Date.now() <= cutoff.getTime()) await new Promise((r) => setTimeout(r, 5));
  const kept = await reads(2);
  expect(await applyAuditRetention(api.executor, undefined)).toBeNull();

  const result = await pruneAuditTrail(api.executor, cutoff);
  expect(result.pruned).toBeGreaterThanOrEqual(2);
  expect(result.anchorSequence).toBe(old[1].sequence);
  const { data } = await api.run('{ auditEvents(limit: 500) { id } }', undefined, as('ADMIN'));
  const ids = (data.auditEvents as Array<{ id: string }>).map((e) => e.id);
  expect(ids).toEqual(expect.arrayContaining(kept.map((k) => k.id)));
  for (const o of old) expect(ids).not.toContain(o.id);
  // The gap left by the deletion above was pruned with the rest: the chain verifies from the anchor.
  expect(await integrity()).toMatchObject({ ok: true, checked: kept.length, firstBroken: null });

  // Still tamper-evident after pruning: the first kept record is checked against the anchor.
  await api.executor.write(cypher('test-probe/set-audit-event-rows'), { id: kept[0].id, rows: kept[0].rows + 1 });
  expect((await integrity()).firstBroken).toMatchObject({ sequence: kept[0].sequence, id: kept[0].id });
  await api.executor.write(cypher('test-probe/set-audit-event-rows'), { id: kept[0].id, rows: kept[0].rows });
  expect(await integrity()).toMatchObject({ ok: true });

  // Nothing older left: running it again prunes nothing.
  expect(await pruneAuditTrail(api.executor, cutoff)).toEqual({ pruned: 0, anchorSequence: old[1].sequence });
});

const PIECE = '{ auditIntegrity(after: $after, limit: $limit) { ok checked after headSequence complete next firstBroken { sequence id reason } } }'.replace('{ auditIntegrity', 'query($after: Int, $limit: Int!) { auditIntegrity');

async function piece(after: number | null, limit: number) {
  const { data, errors } = await api.run(PIECE, { after, limit }, as('REGULATOR'));
  expect(errors).toBeUndefined();
  return data.auditIntegrity as { ok: boolean; checked: number; after: number; headSequence: number; complete: boolean; next: number | null; firstBroken: { sequence: number | null; id: string | null; reason: string } | null };
}

test('a long trail is verified piece by piece: each piece at most `limit` records, the pieces chained by `next` cover it all', async () => {
  await reads(5);
  const whole = await integrity();
  expect(whole).toMatchObject({ ok: true, firstBroken: null });
  const pieces = [];
  for (let after: number | null = null; ; ) {
    const p = await piece(after, 2);
    pieces.push(p);
    expect(p).toMatchObject({ ok: true, firstBroken: null });
    expect(p.checked).toBeLessThanOrEqual(2);
    if (p.complete) break;
    expect(p.next).toBe(p.after + 2);
    after = p.next;
  }
  expect(pieces.length).toBeGreaterThanOrEqual(3);
  expect(pieces[pieces.length - 1].next).toBeNull();
  // Appends between pieces (none here) would only lengthen the last one: the pieces add up to the whole.
  expect(pieces.reduce((s, p) => s + p.checked, 0)).toBe(whole.checked);
  // What npm run audit:verify runs: the same pieces, walked to the head.
  const seen: number[] = [];
  const walked = await verifyWholeAuditChain(requestDb(api.executor, newRoundTripCounter()), 2, (p) => seen.push(p.checked));
  expect(walked).toMatchObject({ ok: true, complete: true, next: null, checked: whole.checked, after: pieces[0].after });
  expect(seen).toEqual(pieces.map((p) => p.checked));
});

test('an edit is caught by the piece that holds the record, starting inside the chain, and not by the pieces around it', async () => {
  const recs = await reads(4);
  const victim = recs[2];
  await api.executor.write(cypher('test-probe/set-audit-event-rows'), { id: victim.id, rows: victim.rows + 3 });
  try {
    expect(await piece(victim.sequence - 1, 1)).toMatchObject({ ok: false, complete: false, next: null, firstBroken: { sequence: victim.sequence, id: victim.id, reason: expect.stringMatching(/hash/i) } });
    expect(await piece(victim.sequence - 3, 2)).toMatchObject({ ok: true, checked: 2, complete: false, next: victim.sequence - 1 });
    // The next record links to the hash the edited one still stores: only rehashing it shows the edit.
    expect(await piece(victim.sequence, 1)).toMatchObject({ ok: true, checked: 1 });
  } finally {
    await api.executor.write(cypher('test-probe/set-audit-event-rows'), { id: victim.id, rows: victim.rows });
  }
  expect(await piece(victim.sequence - 1, 1)).toMatchObject({ ok: true, checked: 1 });
});

test('a record written outside the chain is still reported: counted in constant time, then searched for', async () => {
  const id = unique('intruder');
  await api.executor.write(cypher('test-probe/insert-unchained-event'), { id });
  try {
    const report = await integrity();
    expect(report).toMatchObject({ ok: false, firstBroken: { sequence: null, id, reason: expect.stringMatching(/outside the chain/) } });
  } finally {
    await api.executor.write(cypher('test-probe/delete-audit-event'), { id });
  }
  expect(await integrity()).toMatchObject({ ok: true });
});

test('a piece outside the bounds is refused with BAD_USER_INPUT', async () => {
  for (const [after, limit] of [[null, 0], [null, 1_000_001], [-1, 10]] as const) {
    const { errors } = await api.run(PIECE, { after, limit }, as('REGULATOR'));
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  }
});
