import { newRoundTripCounter } from '../src/db/executor';
import { requestDb } from '../src/db/request-db';
import { contractAggregates, impactKey, impactPaths } from '../src/domain/impact/impact.repository';
import { insurerCountsOnDates } from '../src/domain/impact/insurer-on-date';
import { dayCountHorizon, readDayCounts } from '../src/domain/impact/day-counts';
import { shift } from '../src/domain/impact/date-windows';
import { affected } from './brute-force';
import { Api, as, startApi } from './harness';
import { expectDayCountsEqualLive } from './insurer-slices';

/**
 * An insurer's totals on a date of its choice (#12 §3) are read from its stored per-day changes
 * within their horizon, else counted from the nearest stored summary with the same paths, over
 * the insurer's contracts that started or ended in between, and must
 * equal the live count that collects every affected row, on dates before, between and after the
 * breaches' documented dates, for insurers reached through each operator and one reached by
 * neither.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const BREACHES = ['breach-viamedis-2024', 'breach-almerys-2024'];
const DATES = ['2012-06-30', '2019-06-30', '2023-06-17', '2024-01-25', '2024-02-03', '2024-02-10', '2024-03-15', '2025-01-01'];
/** Dates every breach's horizon of per-day changes holds (DAY_COUNT_HORIZON: 36 months before the reference date to 12 after). */
const IN_HORIZON = DATES.filter((d) => d >= '2021-03-01' && d <= '2025-01-20');

test('dates within the horizon are read from the insurer’s per-day changes alone, and equal the live count on each day, the horizon’s ends included', async () => {
  const db = requestDb(api.executor, newRoundTripCounter());
  const insurers = [...new Set(BREACHES.flatMap((b) => [...affected(b).byInsurer.keys()]))].sort();
  let fromDays = 0;
  for (const breachId of BREACHES) {
    const [ref] = await impactPaths(db, [{ breachId, asOf: null }], null);
    const { from, to } = dayCountHorizon(ref.referenceDate!);
    // The horizon's ends, the days around them and around the reference date, and the other dates.
    const dates = [...new Set([from, to, shift(from, 0, 1), shift(to, 0, -1), shift(ref.referenceDate!, 0, -1), ref.referenceDate!, ...IN_HORIZON])].sort();
    for (const tenant of insurers) {
      const answers = await impactPaths(db, dates.map((asOf) => ({ breachId, asOf })), tenant);
      for (const a of answers) {
        const request = { key: impactKey(a), breachId, referenceDate: a.referenceDate!, paths: a.paths };
        const counter = newRoundTripCounter();
        const ours = await insurerCountsOnDates(requestDb(api.executor, counter), [request], tenant);
        // No path of the insurer's on that date (a breach of another operator): no read at all.
        // La Mutuelle Générale's Viamedis paths (its flow ended on 2023-12-31, so active before and
        // retained on the reference date) and its Almerys ones (started 2024-01-01) differ from the
        // reference date's before 2024: counted the other way. Everything else reads the changes alone.
        const expected = a.paths.length === 0 ? [] : tenant === 'org-la-mutuelle-generale' && a.referenceDate! < '2024-01-01' ? ['impact/insurer-day-counts', 'impact/insurer-stored-bases'] : ['impact/insurer-day-counts'];
        expect({ tenant, key: request.key, queries: counter.queries.slice(0, expected.length) }).toEqual({ tenant, key: request.key, queries: expected });
        if (expected.length === 1) fromDays += 1;
        const [live] = await contractAggregates(db, [request], tenant);
        // No stored summary has La Mutuelle Générale's paths of that date: left to the live count.
        if (!ours.has(request.key) && expected.length === 2) continue;
        expect({ tenant, key: request.key, ours: ours.get(request.key) }).toEqual({ tenant, key: request.key, ours: live });
        expect({ tenant, key: request.key, contracts: live.contracts }).toEqual({ tenant, key: request.key, contracts: affected(breachId, a.referenceDate!).byInsurer.get(tenant)?.size ?? 0 });
      }
    }
  }
  expect(fromDays).toBeGreaterThan(50);
});

test('on the days the stored changes name, and the day before each, every insurer’s count equals the live count', async () => {
  const db = requestDb(api.executor, newRoundTripCounter());
  const insurers = [...new Set(BREACHES.flatMap((b) => [...affected(b).byInsurer.keys()]))].sort();
  const { built } = await readDayCounts(db, BREACHES, []);
  expect([...built].sort()).toEqual([...BREACHES].sort());
  expect(await expectDayCountsEqualLive(api.executor, insurers)).toBeGreaterThan(60);
});

test('a date outside the horizon is counted from a stored summary and the contracts in between', async () => {
  const db = requestDb(api.executor, newRoundTripCounter());
  const [insurer] = [...affected('breach-almerys-2024').byInsurer.keys()].sort();
  const answers = await impactPaths(db, [{ breachId: 'breach-almerys-2024', asOf: '2019-06-30' }], insurer);
  const request = { key: impactKey(answers[0]), breachId: 'breach-almerys-2024', referenceDate: answers[0].referenceDate!, paths: answers[0].paths };
  const counter = newRoundTripCounter();
  const ours = await insurerCountsOnDates(requestDb(api.executor, counter), [request], insurer);
  expect(counter.queries).toEqual(expect.arrayContaining(['impact/insurer-day-counts', 'impact/insurer-stored-bases', 'impact/people-of-insurer-date-windows']));
  expect(ours.get(request.key)).toEqual((await contractAggregates(db, [request], insurer))[0]);
});

test('equals the live count for every insurer with contracts, every breach and date', async () => {
  const db = requestDb(api.executor, newRoundTripCounter());
  const insurers = [...new Set([...BREACHES.flatMap((b) => [...affected(b).byInsurer.keys()]), 'org-cnil'])].sort();
  expect(insurers.length).toBeGreaterThanOrEqual(4);
  let counted = 0;
  let nonZero = 0;
  const left: string[] = [];
  for (const tenant of insurers) {
    const answers = await impactPaths(db, BREACHES.flatMap((breachId) => DATES.map((asOf) => ({ breachId, asOf }))), tenant);
    const requests = answers.map((a) => ({ key: impactKey(a), breachId: a.breachId, referenceDate: a.referenceDate!, paths: a.paths }));
    const counter = newRoundTripCounter();
    const ours = await insurerCountsOnDates(requestDb(api.executor, counter), requests, tenant);
    expect(counter.queries).not.toContain('impact/contract-aggregates');
    const live = await contractAggregates(db, requests, tenant);
    for (const row of live) {
      if (!ours.has(row.key)) {
        // Left to the live count: no stored summary has these paths (La Mutuelle Générale's flow
        // into Viamedis ended on 2023-12-31: active before, retained on every documented date).
        left.push(`${tenant} ${row.key}`);
        continue;
      }
      expect({ tenant, key: row.key, ours: ours.get(row.key) }).toEqual({ tenant, key: row.key, ours: row });
      counted += 1;
      if (row.people > 0) nonZero += 1;
    }
  }
  expect(left).toEqual(expect.arrayContaining(['org-la-mutuelle-generale breach-viamedis-2024|2012-06-30', 'org-la-mutuelle-generale breach-viamedis-2024|2023-06-17']));
  expect(left.every((l) => l.startsWith('org-la-mutuelle-generale '))).toBe(true);
  expect(counted).toBeGreaterThan(0.9 * insurers.length * BREACHES.length * DATES.length);
  expect(nonZero).toBeGreaterThan(10);
});

test('an insurer’s breachImpact on a date of its choice is read from its per-day changes, and equals the recount', async () => {
  // An insurer whose portfolio is loaded (the others' totals are unknown, not 0).
  const [insurer] = [...affected('breach-almerys-2024').byInsurer.keys()].sort();
  for (const asOf of ['2023-06-17', '2024-03-15']) {
    const r = await api.run(`{ breachImpact(breachId: "breach-almerys-2024", asOf: "${asOf}") { totals { contracts } freshness { method current staleSince } } }`, undefined, as('INSURER', insurer));
    expect(r.errors).toBeUndefined();
    expect(r.data.breachImpact.freshness).toEqual({ method: 'DERIVED_FROM_SUMMARY', current: true, staleSince: null });
    expect(r.queries).toContain('impact/insurer-day-counts');
    expect(r.queries).not.toContain('impact/people-of-insurer-date-windows');
    expect(r.queries).not.toContain('impact/contract-aggregates');
    expect({ asOf, contracts: r.data.breachImpact.totals.contracts }).toEqual({ asOf, contracts: affected('breach-almerys-2024', asOf).byInsurer.get(insurer)?.size ?? 0 });
  }
});
