import { cypher } from '../src/db/cypher-files';
import { newRoundTripCounter } from '../src/db/executor';
import { requestDb } from '../src/db/request-db';
import { impactPaths } from '../src/domain/impact/impact.repository';
import { affected, caseSeed, portfolio } from './brute-force';
import { Api, as, EXACT_COUNTS, startApi } from './harness';
import { everyDay, expectTimelineEqualsLive, shifted } from './timeline-check';

/**
 * `breachImpact(asOf)` on a date other than a breach's reference date reads the breach's stored
 * timeline (src/domain/impact/timeline-*.ts) instead of counting: it must answer exactly what the
 * live statements (impact-paths, contract-aggregates) answer on that date, for every tenant
 * (REGULATOR) and for each insurer alone, on every day where anything can change.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi(undefined, { disclosure: EXACT_COUNTS });
});
afterAll(async () => {
  await api.close();
});

const VIAMEDIS = 'breach-viamedis-2024';
const ALMERYS = 'breach-almerys-2024';

/** Days on which the seeded graph's counts can change, each with the day before and after. */
function changeDays(): string[] {
  const days = new Set<string>();
  const around = (d: string | null | undefined) => {
    if (d) for (const k of [-1, 0, 1]) days.add(shifted(d, k));
  };
  for (const f of caseSeed.dataFlows ?? []) {
    around(f.validFrom);
    around(f.validTo);
    if (f.validTo && f.retentionMonths !== null) {
      const end = new Date(`${f.validTo}T00:00:00Z`);
      end.setUTCMonth(end.getUTCMonth() + f.retentionMonths);
      around(end.toISOString().slice(0, 10));
    }
  }
  for (const p of caseSeed.populations ?? []) around(p.cutOff?.date);
  for (const c of portfolio.contracts ?? []) {
    around(c.startDate);
    around(c.endDate);
  }
  return [...days].filter((d) => d >= '1900-01-01' && d <= '2100-12-31');
}

/** Every insurer of the seeded graph (controllers of flows, holders of contracts), and one holding none. */
function insurers(): string[] {
  const ids = new Set<string>(['org-cnil']);
  for (const f of caseSeed.dataFlows ?? []) if (f.controller) ids.add(f.controller);
  for (const c of portfolio.contracts ?? []) ids.add(c.insurer);
  return [...ids].sort();
}

const DATES = [...new Set([...everyDay('2023-10-01', '2025-03-31'), ...changeDays(), '1900-01-01', '2100-12-31'])].sort();

test('the dates cover every change point of the seeded graph, and the counts do change across them', () => {
  expect(DATES.length).toBeGreaterThan(1000);
  const totals = new Set(everyDay('2023-10-01', '2025-03-31').map((d) => affected(VIAMEDIS, d).people.size));
  expect(totals.size).toBeGreaterThan(3);
});

test('the timeline equals the live count on every date, for every tenant (REGULATOR)', async () => {
  const { compared, nonZero } = await expectTimelineEqualsLive(api.executor, DATES, [null]);
  expect(compared).toBe(2 * DATES.length);
  expect(nonZero).toBeGreaterThan(DATES.length);
}, 600_000);

test('the timeline equals the live tenant count on every date, for each insurer alone (INSURER)', async () => {
  const { compared, nonZero } = await expectTimelineEqualsLive(api.executor, DATES, insurers());
  expect(compared).toBe(2 * DATES.length * insurers().length);
  expect(nonZero).toBeGreaterThan(DATES.length);
}, 1_800_000);

test('the timeline totals equal the in-memory recount of the seed files on dates around the breaches', async () => {
  for (const d of everyDay('2023-12-01', '2024-12-31').filter((_, i) => i % 5 === 0)) {
    for (const breachId of [VIAMEDIS, ALMERYS]) {
      const r = await api.run(`{ breachImpact(breachId: "${breachId}", asOf: "${d}") { totals { people contracts } } }`, undefined, as('ANALYST'));
      expect(r.errors).toBeUndefined();
      expect({ breachId, d, totals: r.data.breachImpact.totals }).toEqual({ breachId, d, totals: { people: affected(breachId, d).people.size, contracts: affected(breachId, d).contracts.size } });
    }
  }
}, 600_000);

const SELECTION = `referenceDate referenceDateBasis totals { people contracts insurers lowerBound sources }
  byInsurer { insurer { id } people contracts bases } byPartner { partner { id } role people contracts insurers }
  byCategory { category { id } people contracts populations }
  paths { basis flow { id } controller { id } partner { id } population { id } exposedCategories { id } hops { kind id gdprRole } }`;

test('a non-reference date is read from the timeline: no live walk, no live count (REGULATOR on a documented date, INSURER on any date)', async () => {
  const cases = [
    { principal: as('REGULATOR'), breachId: VIAMEDIS, asOf: '2024-02-01' },
    { principal: as('INSURER', 'org-la-mutuelle-generale'), breachId: ALMERYS, asOf: '2023-06-17' },
    { principal: as('INSURER', 'org-malakoff-humanis'), breachId: VIAMEDIS, asOf: '2024-09-30' },
  ];
  for (const c of cases) {
    const r = await api.run(`{ breachImpact(breachId: "${c.breachId}", asOf: "${c.asOf}") { ${SELECTION} } }`, undefined, c.principal);
    expect(r.errors).toBeUndefined();
    expect(r.queries).toContain('impact/timelines-on-dates');
    expect(r.queries).not.toContain('impact/contract-aggregates');
    expect(r.queries).not.toContain('impact/impact-paths');
    expect(r.data.breachImpact.referenceDate).toBe(c.asOf);
    expect(r.data.breachImpact.referenceDateBasis).toBe('AS_OF_ARGUMENT');
  }
});

test('on the reference date given as asOf, the timeline answers what the stored summary answers', async () => {
  const db = requestDb(api.executor, newRoundTripCounter());
  for (const breachId of [VIAMEDIS, ALMERYS]) {
    const [own] = await impactPaths(db, [{ breachId, asOf: null }], null);
    const stored = await api.run(`{ breachImpact(breachId: "${breachId}") { ${SELECTION} } }`, undefined, as('REGULATOR'));
    const dated = await api.run(`{ breachImpact(breachId: "${breachId}", asOf: "${own.referenceDate}") { ${SELECTION} } }`, undefined, as('REGULATOR'));
    expect(dated.queries).toContain('impact/timelines-on-dates');
    const { referenceDateBasis: _s, ...fromSummary } = stored.data.breachImpact;
    const { referenceDateBasis: _d, ...fromTimeline } = dated.data.breachImpact;
    expect(fromTimeline).toEqual(fromSummary);
    expect(fromTimeline.totals.people).toBeGreaterThan(0);
  }
});

test('regression: a timeline read seeks its heads and its month bucket through their indexes, never a label scan', async () => {
  const plan = await api.executor.explain(cypher('impact/timelines-on-dates'));
  expect(plan.some((p) => /^NodeIndexSeek/.test(p.operator) && /ImpactTimelineMonth\(breachId, tenant, month\)/.test(p.details))).toBe(true);
  expect(plan.some((p) => /^NodeIndexSeek/.test(p.operator) && /ImpactTimeline\(breachId, tenant\)/.test(p.details))).toBe(true);
  expect(plan.filter((p) => /LabelScan|AllNodesScan/.test(p.operator))).toEqual([]);
});
