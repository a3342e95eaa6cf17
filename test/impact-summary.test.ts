import { affected } from './brute-force';
import { Api, as, EXACT_COUNTS, startApi } from './harness';
import { expectEverySliceEqualsLive, liveTenantCount } from './insurer-slices';

/**
 * Totals on a breach's own reference date are read from maintained summaries (every-tenant, and
 * each insurer's own slice); they must equal a live count (the same date given as asOf forces
 * counting, or the tenant-scoped statement run directly) and the in-memory recount.
 */
let api: Api;
beforeAll(async () => {
  // About counting, not disclosure: stored and live figures compared exactly, as REGULATOR too (test/disclosure.test.ts covers the control).
  api = await startApi(undefined, { disclosure: EXACT_COUNTS });
});
afterAll(async () => {
  await api.close();
});

const SELECTION = `referenceDate totals { people contracts } byInsurer { insurer { id } people contracts }
  byPartner { partner { id } people contracts } byCategory { category { id } people contracts }
  paths { basis flow { id } controller { id } population { id } exposedCategories { id } hops { kind id gdprRole } }`;

test.each(['breach-viamedis-2024', 'breach-almerys-2024'])('%s: stored summary = live count = recount', async (breachId) => {
  const stored = await api.run(`{ breachImpact(breachId: "${breachId}") { ${SELECTION} } }`, undefined, as('REGULATOR'));
  expect(stored.errors).toBeUndefined();
  // Served from the summary: neither the paths walk nor the contract count ran.
  expect(stored.queries).toContain('impact/stored-summaries-by-breach-ids');
  expect(stored.queries).not.toContain('impact/contract-aggregates');
  expect(stored.queries).not.toContain('impact/impact-paths');
  expect(stored.data.breachImpact.paths.length).toBeGreaterThan(5);
  const date = stored.data.breachImpact.referenceDate;
  const live = await api.run(`{ breachImpact(breachId: "${breachId}", asOf: "${date}") { ${SELECTION} } }`, undefined, as('REGULATOR'));
  expect(live.queries).toContain('impact/contract-aggregates');
  expect(stored.data.breachImpact).toEqual(live.data.breachImpact);
  expect(stored.data.breachImpact.totals).toEqual({ people: affected(breachId).people.size, contracts: affected(breachId).contracts.size });
});

test.each([
  ['breach-viamedis-2024', ['2024-01-29', '2024-01-31', '2024-02-01', '2024-02-07', '2024-02-09', '2024-02-12']],
  ['breach-almerys-2024', ['2024-02-05', '2024-02-07', '2024-02-09', '2024-02-12']],
])('%s on each documented date: read from its dated summary, never counted live, and equal to the recount', async (breachId, dates) => {
  for (const date of dates) {
    const r = await api.run(`{ breachImpact(breachId: "${breachId}", asOf: "${date}") { ${SELECTION} } }`, undefined, as('REGULATOR'));
    expect(r.errors).toBeUndefined();
    expect(r.queries).toContain('impact/stored-dated-summaries');
    expect(r.queries).not.toContain('impact/contract-aggregates');
    expect(r.queries).not.toContain('impact/impact-paths');
    expect({ date, referenceDate: r.data.breachImpact.referenceDate, totals: r.data.breachImpact.totals }).toEqual({
      date,
      referenceDate: date,
      totals: { people: affected(breachId, date).people.size, contracts: affected(breachId, date).contracts.size },
    });
  }
});

test('regression: every insurer’s stored slice equals its live tenant count', async () => {
  // org-cnil holds no contract: every breach must answer it the all-zero row a live count gives.
  const slices = await expectEverySliceEqualsLive(api.executor, ['org-cnil']);
  // 13 insurers control insured paths (the broker Roederer is an intermediary with the controllers
  // unknown, #11 §1); 5 of them hold synthetic contracts.
  expect(slices.size).toBeGreaterThanOrEqual(2 * 13);
  for (const [k, slice] of slices) {
    const [insurerId, breachId] = k.split('|');
    expect({ k, contracts: slice.contracts }).toEqual({ k, contracts: affected(breachId).byInsurer.get(insurerId)?.size ?? 0 });
  }
  // Alan is reached through Almerys only: its Viamedis slice is the zero row, not a missing answer.
  expect(slices.get('org-alan|breach-viamedis-2024')).toEqual({ key: 'breach-viamedis-2024|', people: 0, contracts: 0, byInsurer: [], byOperator: [], byNetwork: [], byCategory: [] });
  expect(slices.get('org-alan|breach-almerys-2024')!.byInsurer).toEqual([{ id: 'org-alan', people: expect.any(Number), contracts: affected('breach-almerys-2024').byInsurer.get('org-alan')!.size }]);
});

test('an insurer’s breachImpact totals and affectedContracts.totalCount read its slice, never count', async () => {
  const q = (asOf: string) => `{ breachImpact(breachId: "breach-almerys-2024"${asOf}) { referenceDate totals { people contracts } byPartner { partner { id } people contracts } byCategory { category { id } people contracts }
      paths { basis flow { id } controller { id } hops { kind id } } }
    affectedContracts(breachId: "breach-almerys-2024"${asOf}) { totalCount } }`;
  const stored = await api.run(q(''), undefined, as('INSURER', 'org-alan'));
  expect(stored.errors).toBeUndefined();
  expect(stored.queries).toContain('impact/stored-summaries-by-breach-ids');
  expect(stored.queries).not.toContain('impact/contract-aggregates');
  expect(stored.queries).not.toContain('impact/impact-paths');
  // The stored paths are cut to the insurer's own, as the live walk with $tenant cuts them.
  expect(stored.data.breachImpact.paths.length).toBeGreaterThan(0);
  expect(stored.data.breachImpact.paths.every((p: { controller: { id: string } }) => p.controller.id === 'org-alan')).toBe(true);
  const contracts = affected('breach-almerys-2024').byInsurer.get('org-alan')!.size;
  expect(stored.data.breachImpact.totals.contracts).toBe(contracts);
  expect(stored.data.affectedContracts.totalCount).toBe(contracts);
  // An insurer's own date is read from its per-day changes (insurer-on-date.ts): on the default
  // date given explicitly they must give the slice itself, which agrees with the live count.
  const explicit = await api.run(q(`, asOf: "${stored.data.breachImpact.referenceDate}"`), undefined, as('INSURER', 'org-alan'));
  expect(explicit.queries).toContain('impact/insurer-day-counts');
  expect(explicit.data).toEqual(stored.data);
  // Walked live, the paths come first without their networkRoutes (the walk over the insurer's
  // contracts), which a second walk adds only because `paths` lists them, one per route: the
  // answer above equals the stored one, routes included.
  const walks = (queries: string[]) => queries.filter((name) => name === 'impact/impact-paths').length;
  expect(walks(explicit.queries)).toBe(2);
  const totalsOnly = await api.run(
    `{ breachImpact(breachId: "breach-almerys-2024", asOf: "${stored.data.breachImpact.referenceDate}") { totals { people contracts } byPartner { partner { id } people contracts } } }`,
    undefined,
    as('INSURER', 'org-alan'),
  );
  expect(walks(totalsOnly.queries)).toBe(1);
  expect(totalsOnly.data.breachImpact.totals).toEqual(stored.data.breachImpact.totals);
  expect(totalsOnly.data.breachImpact.byPartner).toEqual(stored.data.breachImpact.byPartner);
  const live = await liveTenantCount(api.executor, 'breach-almerys-2024', 'org-alan');
  expect(stored.data.breachImpact.totals).toEqual({ people: live!.people, contracts: live!.contracts });
});

test('an insurer the breach does not reach reads zeros from storage', async () => {
  const { queries, data, errors } = await api.run('{ breachImpact(breachId: "breach-viamedis-2024") { totals { people contracts } } }', undefined, as('INSURER', 'org-alan'));
  expect(errors).toBeUndefined();
  expect(queries).not.toContain('impact/contract-aggregates');
  expect(data.breachImpact.totals).toEqual({ people: 0, contracts: 0 });
});
