import neo4jDriver from 'neo4j-driver';
import { cypher } from '../src/db/cypher-files';
import { Executor, newRoundTripCounter, type RoundTripCounter } from '../src/db/executor';
import { requestDb } from '../src/db/request-db';
import { afterWrite } from '../src/domain/after-write';
import { breachSetSweep } from '../src/domain/crossbreach/breach-set-sweep';
import { listBreaches } from '../src/domain/breach/breach.repository';
import { importPortfolio } from '../src/domain/import/import-portfolio';
import { contractAggregates, impactKey, impactPaths } from '../src/domain/impact/impact.repository';
import type { ImpactPathsRow } from '../src/domain/impact/impact.rows';
import { storedDatedSummaries, summariesByBreachIds } from '../src/domain/impact/stored-summaries';
import { refreshSummaries } from '../src/domain/summary-upkeep';
import { syntheticNir } from '../src/identity/nir';
import { SERVER_START_MS, startPrivateNeo4j, TEST_PSEUDONYM_KEY, testLogger } from './harness';
import { expectDayCountsEqualLive, expectEverySliceEqualsLive } from './insurer-slices';

/**
 * Summaries maintained by what a write touches (issue #12 §2): after delta imports (new rows, a
 * contract's end date and network changed, the same file again, a person added to a second
 * contract of another insurer) the stored summaries, insurer slices and cross-breach counts equal
 * what a full refresh writes and what a live count gives; a small import runs no full sweep; three
 * imports at once, round after round, never leave a summary short of the live count (the same
 * test fails when admin/lock-summaries takes no lock). On a Neo4j
 * of its own, since it imports.
 */
const HEADER = 'contract_number,nir,role,product,operator,network,start_date,end_date';
const SNAPSHOT = cypher('admin/stored-summaries-snapshot');
/** The statements of a full sweep (every person) and of a delta (named people). */
const FULL_SWEEPS = ['impact/contract-aggregates-sweep', 'crossbreach/breach-set-sweep', 'impact/insurer-day-events-sweep'];
const DELTA_COUNTS = ['impact/contract-aggregates-of-people', 'crossbreach/breach-set-of-people', 'impact/insurer-day-events-of-people'];

let neo4j: Awaited<ReturnType<typeof startPrivateNeo4j>>;
let executor: Executor;
beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  executor = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 120_000, logger: testLogger });
}, SERVER_START_MS);
afterAll(async () => {
  await executor?.close();
  await neo4j?.stop();
});

type Raw = Record<string, unknown>;

/** The stored summaries, parsed and in a canonical order (network routes sorted; versions and times left out). */
async function snapshot(): Promise<unknown> {
  const [s] = await executor.read<{ summaries: Raw[]; slices: Raw[]; datedSummaries: Raw[]; datedSlices: Raw[]; dayCounts: Raw[]; breachSets: Raw[] }>(SNAPSHOT);
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  const by = (k: (r: Raw) => string) => (a: Raw, b: Raw) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0);
  const summary = (r: Raw) => {
    const paths = parse(r.paths) as { paths: Array<{ networkRoutes?: string[] }> };
    for (const p of paths.paths) if (p.networkRoutes) p.networkRoutes = [...p.networkRoutes].sort();
    return { ...r, paths, aggregates: parse(r.aggregates), counts: parse(r.counts) };
  };
  return {
    summaries: s.summaries.map(summary).sort(by((r) => String(r.breachId))),
    slices: s.slices.map((r) => ({ ...r, aggregates: parse(r.aggregates), counts: parse(r.counts) })).sort(by((r) => `${r.breachId}|${r.insurerId}`)),
    datedSummaries: s.datedSummaries.map(summary).sort(by((r) => `${r.breachId}|${r.asOf}`)),
    datedSlices: s.datedSlices.map((r) => ({ ...r, aggregates: parse(r.aggregates), counts: parse(r.counts) })).sort(by((r) => `${r.breachId}|${r.asOf}|${r.insurerId}`)),
    dayCounts: s.dayCounts.map((r) => ({ ...r, changes: parse(r.changes) })).sort(by((r) => `${r.breachId}|${r.insurerId}`)),
    breachSets: s.breachSets.map((r) => ({ ...r, rows: parse(r.rows), referenceDates: parse(r.referenceDates) })).sort(by((r) => String(r.tenant))),
  };
}

/** Every breach's stored every-tenant totals equal a live count. */
async function expectStoredEqualsLive(): Promise<void> {
  const db = requestDb(executor, newRoundTripCounter());
  const answers = await impactPaths(db, (await listBreaches(db)).map((b) => ({ breachId: b.id, asOf: null })), null);
  const requests = answers.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), referenceDate: a.referenceDate, paths: a.paths }] : []));
  const live = await contractAggregates(db, requests, null);
  const stored = await summariesByBreachIds(db, answers.map((a) => a.breachId));
  expect(stored.size).toBe(requests.length);
  for (const row of live) {
    const breachId = answers.find((a) => impactKey(a) === row.key)!.breachId;
    expect({ breachId, stored: stored.get(breachId) }).toEqual({ breachId, stored: row });
  }
}

/**
 * Every breach's stored summary on each of its other documented dates equals a live count on
 * that date, every tenant and each insurer's own slice (the insurers of the every-tenant counts
 * and `extra`); there is one per documented date but the reference date. Returns them by key.
 */
async function expectDatedEqualsLive(extra: string[] = []): Promise<Map<string, { people: number; contracts: number }>> {
  const db = requestDb(executor, newRoundTripCounter());
  const [s] = await executor.read<{ datedSummaries: Array<{ breachId: string; asOf: string }> }>(SNAPSHOT);
  const keys = s.datedSummaries.map((r) => ({ breachId: r.breachId, asOf: r.asOf }));
  // The seeded case: Viamedis has 7 documented dates, Almerys 5; one of each is the reference date.
  expect(keys.filter((k) => k.breachId === 'breach-viamedis-2024')).toHaveLength(6);
  expect(keys.filter((k) => k.breachId === 'breach-almerys-2024')).toHaveLength(4);
  const live = async (tenant: string | null) => {
    const answers = await impactPaths(db, keys, tenant);
    return contractAggregates(db, answers.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), referenceDate: a.referenceDate, paths: a.paths }] : [])), tenant);
  };
  const stored = await storedDatedSummaries(db, keys, null);
  // The stored paths, network routes derived from the counts, are the live walk's.
  const sorted = (a: ImpactPathsRow | null | undefined) => a && { ...a, paths: a.paths.map((p) => ({ ...p, networkRoutes: [...(p.networkRoutes ?? [])].sort() })) };
  for (const a of await impactPaths(db, keys, null)) expect(sorted(stored.get(impactKey(a))?.paths)).toEqual(sorted(a));
  const everyone = await live(null);
  expect(everyone.length).toBe(keys.length);
  for (const row of everyone) expect({ key: row.key, stored: stored.get(row.key)?.aggregates }).toEqual({ key: row.key, stored: row });
  const insurers = [...new Set([...everyone.flatMap((r) => r.byInsurer.map((i) => i.id)), ...extra])].sort();
  for (const insurerId of insurers) {
    const own = await storedDatedSummaries(db, keys, insurerId);
    const counted = new Map((await live(insurerId)).map((r) => [r.key, r]));
    for (const k of keys) {
      const key = impactKey(k);
      expect({ insurerId, key, slice: own.get(key)?.aggregates }).toEqual({ insurerId, key, slice: counted.get(key) ?? { key, people: 0, contracts: 0, byInsurer: [], byOperator: [], byNetwork: [], byCategory: [] } });
    }
  }
  return new Map(everyone.map((r) => [r.key, { people: r.people, contracts: r.contracts }]));
}

/** The stored cross-breach rows of every tenant equal a sweep of every person now (read only). */
async function expectBreachSetsEqualSweep(): Promise<void> {
  const db = requestDb(executor, newRoundTripCounter());
  const answers = await impactPaths(db, (await listBreaches(db)).map((b) => ({ breachId: b.id, asOf: null })), null);
  const swept = await breachSetSweep(db, answers.flatMap((a) => (a.referenceDate ? [{ key: a.breachId, referenceDate: a.referenceDate, paths: a.paths }] : [])));
  const [s] = await executor.read<{ breachSets: Raw[] }>(SNAPSHOT);
  const stored = Object.fromEntries(s.breachSets.map((r) => [String(r.tenant), JSON.parse(String(r.rows))]));
  expect(stored).toEqual(Object.fromEntries(swept));
}

/** What the deltas left equals what a full refresh writes, and the live counts. */
async function expectExact(): Promise<void> {
  const maintained = await snapshot();
  await afterWrite(executor, { catalogue: false });
  expect(maintained).toEqual(await snapshot());
  await expectStoredEqualsLive();
  await expectDatedEqualsLive();
}

/** Imports `rows` for `insurerId` and says which counting statements it ran. */
async function importRows(insurerId: string, rows: string[]): Promise<RoundTripCounter> {
  const counter = newRoundTripCounter();
  const s = await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId, source: `${HEADER}\n${rows.join('\n')}\n`, counter });
  expect(s.rowsRejected).toBe(0);
  return counter;
}

/** Asserts the import maintained the summaries by a delta, never a sweep over every person. */
function expectDelta(counter: RoundTripCounter): void {
  for (const q of DELTA_COUNTS) expect(counter.queries).toContain(q);
  for (const q of FULL_SWEEPS) expect(counter.queries).not.toContain(q);
  // Its commit is timed apart from its statements (the benchmark's breakdown of a delta names it).
  expect(counter.commits?.map((c) => c.query)).toContain('summaries/delta');
  expect(counter.timings?.map((t) => t.query)).not.toContain('summaries/delta');
  for (const c of counter.commits ?? []) expect(c.ms).toBeGreaterThanOrEqual(0);
}

const alice = syntheticNir('summary-delta-alice');
const bob = syntheticNir('summary-delta-bob');

test('a one-row import maintains the summaries by a delta: no statement sweeps every person', async () => {
  const before = (await summariesByBreachIds(requestDb(executor, newRoundTripCounter()), ['breach-almerys-2024'])).get('breach-almerys-2024')!;
  // MGP is reached through Almerys.
  const counter = await importRows('org-mgp', [`DELTA-1,${alice},HOLDER,,org-almerys,,2020-01-01,`]);
  expectDelta(counter);
  const after = (await summariesByBreachIds(requestDb(executor, newRoundTripCounter()), ['breach-almerys-2024'])).get('breach-almerys-2024')!;
  expect({ people: after.people, contracts: after.contracts }).toEqual({ people: before.people + 1, contracts: before.contracts + 1 });
  await expectExact();
});

test('after deltas (new rows, an end date, a network, the same file again, a second contract) stored = full refresh = live, slices included', async () => {
  // A family on a new contract.
  expectDelta(await importRows('org-mgp', [`DELTA-2,${bob},HOLDER,,org-almerys,,2021-01-01,`, `DELTA-2,${syntheticNir('summary-delta-carol')},DEPENDANT,,org-almerys,,2021-01-01,`]));
  await expectExact();
  // The contract ends long before the breach, and goes through a care network.
  const changed = [`DELTA-2,${bob},HOLDER,,org-almerys,org-santeclair,2021-01-01,2021-06-30`, `DELTA-2,${syntheticNir('summary-delta-carol')},DEPENDANT,,org-almerys,org-santeclair,2021-01-01,2021-06-30`];
  expectDelta(await importRows('org-mgp', changed));
  await expectExact();
  // Reopened, still through the network: the network's groups and the paths' routes follow.
  const reopened = changed.map((r) => r.replace(/2021-06-30$/, ''));
  expectDelta(await importRows('org-mgp', reopened));
  await expectExact();
  // The same file again changes nothing.
  const same = await snapshot();
  expectDelta(await importRows('org-mgp', reopened));
  expect(await snapshot()).toEqual(same);
  // Alice also on a Malakoff Humanis contract (reached through Viamedis): she is in both breaches.
  expectDelta(await importRows('org-malakoff-humanis', [`DELTA-3,${alice},HOLDER,,org-viamedis,,2020-01-01,`]));
  await expectExact();
  await expectEverySliceEqualsLive(executor, ['org-mgp', 'org-malakoff-humanis']);
});

test('a contract started between two documented dates counts on the later one only, stored like the reference date', async () => {
  const before = await expectDatedEqualsLive();
  const reference = (await summariesByBreachIds(requestDb(executor, newRoundTripCounter()), ['breach-viamedis-2024'])).get('breach-viamedis-2024')!;
  // Malakoff Humanis is reached through Viamedis, whose reference date is 2024-01-22 (data
  // collected); the contract starts on 2024-01-25, before the intrusion date 2024-01-29.
  expectDelta(await importRows('org-malakoff-humanis', [`DATED-1,${syntheticNir('summary-delta-erin')},HOLDER,,org-viamedis,,2024-01-25,`]));
  await expectExact();
  const after = await expectDatedEqualsLive(['org-malakoff-humanis']);
  const now = (await summariesByBreachIds(requestDb(executor, newRoundTripCounter()), ['breach-viamedis-2024'])).get('breach-viamedis-2024')!;
  expect(now.people).toBe(reference.people);
  expect(after.get('breach-viamedis-2024|2024-01-29')!.people).toBe(before.get('breach-viamedis-2024|2024-01-29')!.people + 1);
  // A full refresh counts that date by difference from the reference date, not by another sweep.
  const counter = newRoundTripCounter();
  await refreshSummaries(executor, { portfolio: true, counter });
  expect(counter.queries).toContain('impact/people-of-date-windows');
  expect(await expectDatedEqualsLive()).toEqual(after);
});

test('a catalogue-only refresh whose paths did not change recounts nothing and keeps every summary', async () => {
  const before = await snapshot();
  const counter = newRoundTripCounter();
  await refreshSummaries(executor, { portfolio: false, counter });
  for (const q of [...FULL_SWEEPS, ...DELTA_COUNTS]) expect(counter.queries).not.toContain(q);
  expect(await snapshot()).toEqual(before);
});

test('insurers importing at once, round after round, leave the summaries equal to a live count', async () => {
  for (let round = 1; round <= 5; round += 1) {
    const rows = (insurer: string, operator: string) =>
      Array.from({ length: 8 }, (_, i) => `RACE-${round}-${i},${syntheticNir(`race-${insurer}-${round}-${i}`)},HOLDER,,${operator},,2019-0${1 + (i % 9)}-01,`);
    // MGP and Mutame Plus both through Almerys (one breach's summary, both write it), Malakoff
    // Humanis through Viamedis: all three write the cross-breach counts.
    const counters = await Promise.all([
      importRows('org-mgp', rows('mgp', 'org-almerys')),
      importRows('org-mutame-plus', rows('mutame', 'org-almerys')),
      importRows('org-malakoff-humanis', rows('mh', 'org-viamedis')),
    ]);
    counters.forEach(expectDelta);
    // Stored = live after each round, without refreshing in between: a lost update would stay.
    await expectStoredEqualsLive();
    await expectBreachSetsEqualSweep();
  }
  await expectExact();
  await expectEverySliceEqualsLive(executor, ['org-mgp', 'org-mutame-plus', 'org-malakoff-humanis']);
});

test('a deleted summary is not patched: the next write refreshes every summary', async () => {
  await executor.write(cypher('admin/delete-impact-summary'), { breachId: 'breach-viamedis-2024' });
  const counter = await importRows('org-mgp', [`DELTA-4,${syntheticNir('summary-delta-dave')},HOLDER,,org-almerys,,2020-01-01,`]);
  for (const q of FULL_SWEEPS) expect(counter.queries).toContain(q);
  await expectExact();
});

test('a flow that ends between documented dates: dates on other paths are swept whole, an ended contract leaves by its retention, all equal a live count', async () => {
  // Ends 2024-01-25: held on the reference date (2024-01-22), gone by the intrusion date once the
  // flow's retention (set to 0 below) has run out.
  expectDelta(await importRows('org-malakoff-humanis', [`DATED-2,${syntheticNir('summary-delta-frank')},HOLDER,,org-viamedis,,2020-01-01,2024-01-25`]));
  const before = await expectDatedEqualsLive(['org-malakoff-humanis']);
  // A catalogue change no API makes (flows are seeded): Malakoff Humanis's flow into Viamedis
  // ended on 2024-01-31, and Viamedis kept nothing after it. From 2024-02-01 the breach's paths
  // differ from the reference date's, so those dates cannot be counted by difference.
  const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic(neo4j.auth.user, neo4j.auth.password));
  try {
    await driver.executeQuery("MATCH (f:DataFlow {id: 'flow-malakoff-humanis-viamedis'}) SET f.validTo = date('2024-01-31'), f.retentionMonths = 0");
  } finally {
    await driver.close();
  }
  const counter = newRoundTripCounter();
  await refreshSummaries(executor, { portfolio: false, counter });
  expect(counter.queries).toContain('impact/people-of-date-windows');
  expect(counter.queries).toContain('impact/contract-aggregates-sweep');
  const after = await expectDatedEqualsLive(['org-malakoff-humanis']);
  await expectStoredEqualsLive();
  // Contracts that ended before 2024-01-29 (the one above among them) no longer count on it.
  expect(after.get('breach-viamedis-2024|2024-01-29')!.people).toBeLessThan(before.get('breach-viamedis-2024|2024-01-29')!.people);
  expect(after.get('breach-viamedis-2024|2024-02-07')!.people).toBeLessThan(before.get('breach-viamedis-2024|2024-02-07')!.people);
  // Deltas after it patch both kinds alike.
  expectDelta(await importRows('org-malakoff-humanis', [`DATED-3,${syntheticNir('summary-delta-grace')},HOLDER,,org-viamedis,,2024-01-23,2024-01-30`]));
  await expectExact();
});

test('one person’s overlapping, nested and adjacent contracts with one insurer: per-day changes patched by deltas equal a rebuild and the live count on every day they name', async () => {
  // A catalogue change no API makes (flows are seeded): Almerys keeps MGP's ended contracts six
  // months, so contracts leave the count (no seeded flow states a retention).
  const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic(neo4j.auth.user, neo4j.auth.password));
  try {
    await driver.executeQuery("MATCH (f:DataFlow {id: 'flow-mgp-almerys'}) SET f.retentionMonths = 6");
  } finally {
    await driver.close();
  }
  await refreshSummaries(executor, { portfolio: false });
  const henry = syntheticNir('summary-delta-henry');
  const ivy = syntheticNir('summary-delta-ivy');
  // Held until six months after each end: A to 2023-09-30, B to 2024-06-30, C to 2024-01-31.
  // Henry's spans overlap (A, B), nest (C in B) and follow each other (D starts the day after B's
  // last held day); Ivy is on A too, as a dependant.
  expectDelta(
    await importRows('org-mgp', [
      `DAYS-A,${henry},HOLDER,,org-almerys,,2022-01-10,2023-03-31`,
      `DAYS-A,${ivy},DEPENDANT,,org-almerys,,2022-01-10,2023-03-31`,
      `DAYS-B,${henry},HOLDER,,org-almerys,org-santeclair,2023-01-01,2023-12-31`,
      `DAYS-C,${henry},HOLDER,,org-almerys,,2023-06-01,2023-07-31`,
      `DAYS-D,${henry},HOLDER,,org-almerys,,2024-07-01,`,
    ]),
  );
  await expectExact();
  expect(await expectDayCountsEqualLive(executor, ['org-mgp'], 400)).toBeGreaterThanOrEqual(8);
  // B now ends on 2023-05-15 (held to 2023-11-15) and C on 2023-06-30 (to 2023-12-30): a gap opens
  // in Henry's days before D, and the patched changes still equal a rebuild and the live count.
  expectDelta(await importRows('org-mgp', [`DAYS-B,${henry},HOLDER,,org-almerys,org-santeclair,2023-01-01,2023-05-15`, `DAYS-C,${henry},HOLDER,,org-almerys,,2023-06-01,2023-06-30`]));
  await expectExact();
  expect(await expectDayCountsEqualLive(executor, ['org-mgp'], 400)).toBeGreaterThanOrEqual(8);
});
