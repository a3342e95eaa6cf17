import { cypher } from '../src/db/cypher-files';
import { Executor, newRoundTripCounter, type RoundTripCounter } from '../src/db/executor';
import { requestDb } from '../src/db/request-db';
import { afterWrite } from '../src/domain/after-write';
import { listBreaches } from '../src/domain/breach/breach.repository';
import { importPortfolio } from '../src/domain/import/import-portfolio';
import { timelineAnswers } from '../src/domain/impact/timeline-read';
import type { StoredEpoch } from '../src/domain/impact/timeline-refresh';
import { syntheticNir } from '../src/identity/nir';
import { SERVER_START_MS, startPrivateNeo4j, TEST_PSEUDONYM_KEY, testLogger } from './harness';
import { everyDay, expectTimelineEqualsLive, shifted } from './timeline-check';

/**
 * Impact timelines maintained by what a write touches (issue #12 §3 with §2): after delta imports
 * (new people, contracts given an end date and a care network, a person on a second insurer's
 * contract) the stored timelines equal what a full refresh writes and what a live count gives on
 * every change point ±1 day, for every tenant and for an insurer alone; a small import runs no
 * timeline sweep over every person; imports for several insurers at once, round after round,
 * leave them equal to a live count; a write that leaves them stale is never served from them.
 * On a Neo4j of its own, since it imports.
 */
const HEADER = 'contract_number,nir,role,product,operator,network,start_date,end_date';
const SNAPSHOT = cypher('impact/timelines-snapshot');
const CHANGE_POINTS = cypher('impact/timeline-change-points');
const FULL_SWEEP = 'impact/timeline-sweep';
const DELTA_EVENTS = 'impact/timeline-events-of-people';
const INSURER = 'org-mgp';

let neo4j: Awaited<ReturnType<typeof startPrivateNeo4j>>;
let executor: Executor;
/** Start and end dates of every contract this file imported: their days (and ends + retention) are change points. */
const importedDays = new Set<string>();
beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  executor = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 600_000, logger: testLogger });
}, SERVER_START_MS);
afterAll(async () => {
  await executor?.close();
  await neo4j?.stop();
});

type Raw = Record<string, unknown>;

/** Every stored timeline, parsed (computedAt left out). */
async function snapshot(): Promise<{ heads: Raw[]; months: Raw[] }> {
  const [s] = await executor.read<{ heads: Raw[]; months: Raw[] }>(SNAPSHOT);
  return {
    heads: s.heads.map((h) => ({ ...h, epochs: JSON.parse(String(h.epochs)) })),
    months: s.months.map((m) => ({ ...m, base: JSON.parse(String(m.base)), deltas: JSON.parse(String(m.deltas)) })),
  };
}

/** An ISO day plus whole months (JS Date rolls the day over as Cypher's duration does not, so only days up to the 28th are used below). */
function plusMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Every day on which a count can change (flows' change points, imported contracts' starts, ends and ends + every retention), each ±1 day. */
async function changeDays(): Promise<string[]> {
  const db = requestDb(executor, newRoundTripCounter());
  const breachIds = (await listBreaches(db)).map((b) => b.id);
  const points = await db.read<{ dates: string[] }>(CHANGE_POINTS, { breachIds });
  const { heads } = await snapshot();
  const retentions = new Set<number>();
  for (const h of heads) for (const e of h.epochs as StoredEpoch[]) for (const p of e.paths) if (p.retentionMonths !== null) retentions.add(p.retentionMonths);
  const days = new Set<string>();
  const around = (d: string) => [-1, 0, 1].forEach((k) => days.add(shifted(d, k)));
  for (const p of points) p.dates.forEach(around);
  for (const d of importedDays) {
    around(d);
    for (const r of retentions) around(plusMonths(d, r));
  }
  return [...days].filter((d) => d >= '1900-01-01' && d <= '2100-12-31').sort();
}

/** The stored timelines equal a live count on every change point ±1 day (every tenant, and INSURER alone). */
async function expectTimelinesEqualLive(): Promise<void> {
  const dates = [...new Set([...(await changeDays()), ...everyDay('2023-10-01', '2025-03-31').filter((_, i) => i % 10 === 0)])].sort();
  const { compared, nonZero } = await expectTimelineEqualsLive(executor, dates, [null, INSURER]);
  expect(compared).toBeGreaterThan(dates.length);
  expect(nonZero).toBeGreaterThan(dates.length);
}

/** What the deltas left equals what a full refresh writes, and a live count. */
async function expectExact(): Promise<void> {
  await expectTimelinesEqualLive();
  const maintained = await snapshot();
  await afterWrite(executor, { catalogue: false });
  expect(maintained).toEqual(await snapshot());
}

/** Imports `rows` for `insurerId`, remembering their dates. */
async function importRows(insurerId: string, rows: string[]): Promise<RoundTripCounter> {
  for (const r of rows) for (const d of r.split(',').slice(6)) if (d) importedDays.add(d);
  const counter = newRoundTripCounter();
  const s = await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId, source: `${HEADER}\n${rows.join('\n')}\n`, counter });
  expect(s.rowsRejected).toBe(0);
  return counter;
}

/** Asserts the import patched the timelines by a delta, never a sweep over every person. */
function expectDelta(counter: RoundTripCounter): void {
  expect(counter.queries).toContain(DELTA_EVENTS);
  expect(counter.queries).not.toContain(FULL_SWEEP);
}

const alice = syntheticNir('timeline-delta-alice');
const bob = syntheticNir('timeline-delta-bob');
const carol = syntheticNir('timeline-delta-carol');

test('the seeded timelines equal a live count on every change point ±1 day', async () => {
  await expectTimelinesEqualLive();
}, 1_800_000);

test('after deltas (new people, end dates, a care network, a second insurer) stored timelines = full refresh = live', async () => {
  // MGP is reached through Almerys: a person from before the breach, a family joining around it.
  expectDelta(await importRows(INSURER, [`TL-1,${alice},HOLDER,,org-almerys,,2020-01-01,`, `TL-2,${bob},HOLDER,,org-almerys,,2023-11-15,`, `TL-2,${carol},DEPENDANT,,org-almerys,,2023-11-15,`]));
  await expectExact();
  // The family's contract ends shortly after the breach, through a care network.
  expectDelta(await importRows(INSURER, [`TL-2,${bob},HOLDER,,org-almerys,org-santeclair,2023-11-15,2024-02-05`, `TL-2,${carol},DEPENDANT,,org-almerys,org-santeclair,2023-11-15,2024-02-05`]));
  await expectExact();
  // Alice ends too, and joins a Malakoff Humanis contract (reached through Viamedis): both breaches.
  expectDelta(await importRows(INSURER, [`TL-1,${alice},HOLDER,,org-almerys,,2020-01-01,2024-01-20`]));
  expectDelta(await importRows('org-malakoff-humanis', [`TL-3,${alice},HOLDER,,org-viamedis,,2022-06-01,2024-06-28`]));
  await expectExact();
}, 3_600_000);

test('insurers importing at once, round after round, leave the timelines equal to a live count', async () => {
  for (let round = 1; round <= 3; round += 1) {
    const rows = (insurer: string, operator: string) =>
      Array.from({ length: 6 }, (_, i) => `TLRACE-${round}-${i},${syntheticNir(`tl-race-${insurer}-${round}-${i}`)},HOLDER,,${operator},,202${i % 5}-0${1 + i}-1${round},${i % 2 === 0 ? `2025-0${1 + i}-0${round}` : ''}`);
    // MGP and Mutame Plus both through Almerys (both patch one breach's timeline), Malakoff Humanis through Viamedis.
    const counters = await Promise.all([importRows(INSURER, rows('mgp', 'org-almerys')), importRows('org-mutame-plus', rows('mutame', 'org-almerys')), importRows('org-malakoff-humanis', rows('mh', 'org-viamedis'))]);
    counters.forEach(expectDelta);
    // Stored = live after each round, without refreshing in between: a lost update would stay.
    await expectTimelinesEqualLive();
  }
  await expectExact();
}, 3_600_000);

test('a write that leaves the summaries stale leaves the timelines unserved until the refresh recomputes them', async () => {
  const db = requestDb(executor, newRoundTripCounter());
  const request = [{ breachId: 'breach-almerys-2024', asOf: '2024-05-17' }];
  expect((await timelineAnswers(db, request, null)).size).toBe(1);
  // refreshSummaries: false writes through writeLeavingSummariesStale, as an import past its limit does.
  const s = await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: INSURER, source: `${HEADER}\nTL-4,${syntheticNir('timeline-delta-dave')},HOLDER,,org-almerys,,2021-03-01,\n`, refreshSummaries: false });
  expect(s.rowsLoaded).toBe(1);
  importedDays.add('2021-03-01');
  expect((await timelineAnswers(db, request, null)).size).toBe(0);
  expect((await timelineAnswers(db, request, INSURER)).size).toBe(0);
  await afterWrite(executor, { catalogue: false });
  expect((await timelineAnswers(db, request, null)).size).toBe(1);
  await expectTimelinesEqualLive();
}, 1_800_000);

test('a deleted timeline is not patched: the next write refreshes every timeline', async () => {
  await executor.write(cypher('impact/delete-timelines'), {});
  const counter = await importRows(INSURER, [`TL-5,${syntheticNir('timeline-delta-erin')},HOLDER,,org-almerys,,2020-01-01,`]);
  expect(counter.queries).toContain(FULL_SWEEP);
  await expectExact();
}, 1_800_000);
