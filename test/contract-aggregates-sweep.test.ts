import { cypher } from '../src/db/cypher-files';
import { newRoundTripCounter, type Executor } from '../src/db/executor';
import { listBreaches } from '../src/domain/breach/breach.repository';
import { contractAggregatesSweep } from '../src/domain/impact/contract-aggregates-sweep';
import { contractAggregates, impactKey, impactPaths, type AggregatesRequest } from '../src/domain/impact/impact.repository';
import { requestDb } from '../src/db/request-db';
import { affected, portfolio } from './brute-force';
import { testExecutor } from './harness';

/**
 * The summary refresh counts people in chunks and adds the chunks up. Chunk boundaries
 * must change nothing: a family's contract whose beneficiaries fall in different chunks counts
 * once, and a person insured twice counts once. Here a chunk of 1, 2 or 17 people is compared with
 * a single chunk, with the one-statement live count and with the in-memory recount.
 */
let executor: Executor;
let requests: AggregatesRequest[];
beforeAll(async () => {
  executor = testExecutor();
  const db = requestDb(executor, newRoundTripCounter());
  const answers = await impactPaths(db, (await listBreaches(db)).map((b) => ({ breachId: b.id, asOf: null })), null);
  requests = answers.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), referenceDate: a.referenceDate, paths: a.paths }] : []));
});
afterAll(async () => {
  await executor.close();
});

test('the seed has what chunk boundaries could get wrong', () => {
  const contracts = portfolio.contracts ?? [];
  // Families: several beneficiaries on one contract (split across chunks of 1 key).
  expect(contracts.filter((c) => c.beneficiaries.length > 1).length).toBeGreaterThan(10);
  const insurersOf = new Map<string, Set<string>>();
  for (const c of contracts) for (const b of c.beneficiaries) (insurersOf.get(b.key) ?? insurersOf.set(b.key, new Set()).get(b.key)!).add(c.insurer);
  // People insured by two insurers (one person, counted once in the totals).
  expect([...insurersOf.values()].filter((s) => s.size > 1).length).toBeGreaterThan(5);
  expect(requests.length).toBeGreaterThanOrEqual(2);
});

test.each([1, 2, 17])('regression: a sweep in chunks of about %i people counts what one chunk counts', async (chunk) => {
  const whole = await contractAggregatesSweep(requestDb(executor, newRoundTripCounter()), requests, { chunk: 1_000_000 });
  const [bounds] = await requestDb(executor, newRoundTripCounter()).read<{ people: number; low: number; high: number }>(cypher('people/id-bounds'));
  const counter = newRoundTripCounter();
  const swept: number[] = [];
  const chunked = await contractAggregatesSweep(requestDb(executor, counter), requests, { chunk, onChunk: (n) => swept.push(n) });
  // One statement for the id bounds, then one per range of node ids, each holding about `chunk`
  // people (the seed holds a few hundred, their ids interleaved with their contracts').
  expect(bounds.people).toBeGreaterThan(200);
  expect(counter.roundTrips).toBe(swept.length + 1);
  expect(swept.length).toBeGreaterThanOrEqual(bounds.people / (chunk + 1));
  // Progress grows chunk by chunk to every person once.
  expect(swept.every((n, i) => i === 0 || n >= swept[i - 1])).toBe(true);
  expect(swept.at(-1)).toBe(bounds.people);
  expect(chunked).toEqual(whole);
});

test('the sweep’s every-insurer totals equal the live count and the in-memory recount', async () => {
  const db = requestDb(executor, newRoundTripCounter());
  const swept = await contractAggregatesSweep(db, requests, { chunk: 17 });
  const live = await contractAggregates(db, requests, null);
  expect(swept.map(({ tenants: _t, ...row }) => row)).toEqual(live);
  for (const row of swept) {
    const breachId = row.key.split('|')[0];
    expect({ breachId, people: row.people, contracts: row.contracts }).toEqual({ breachId, people: affected(breachId).people.size, contracts: affected(breachId).contracts.size });
    expect(row.contracts).toBeGreaterThan(0);
  }
});

test('a request that reaches nobody answers zeros, in the order asked', async () => {
  const db = requestDb(executor, newRoundTripCounter());
  const nobody: AggregatesRequest = { key: 'nobody|', referenceDate: '2024-02-01', paths: [] };
  const rows = await contractAggregatesSweep(db, [nobody, requests[0]], { chunk: 17 });
  expect(rows.map((r) => r.key)).toEqual(['nobody|', requests[0].key]);
  expect(rows[0]).toEqual({ key: 'nobody|', people: 0, contracts: 0, byInsurer: [], byOperator: [], byNetwork: [], byCategory: [], tenants: [] });
});

test('a chunk size that is not a positive integer is refused', async () => {
  const db = requestDb(executor, newRoundTripCounter());
  await expect(contractAggregatesSweep(db, requests, { chunk: 0 })).rejects.toThrow('chunk must be a positive integer, got 0');
});
