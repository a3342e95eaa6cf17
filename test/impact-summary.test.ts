import { affected } from './brute-force';
import { Api, as, startApi } from './harness';

/**
 * Every-tenant totals on a breach's own reference date are read from maintained summaries; they
 * must equal a live count (the same date given as asOf forces counting) and the in-memory recount.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const SELECTION = `referenceDate totals { people contracts } byInsurer { insurer { id } people contracts }
  byPartner { partner { id } people contracts } byCategory { category { id } people contracts }`;

test.each(['breach-viamedis-2024', 'breach-almerys-2024'])('%s: stored summary = live count = recount', async (breachId) => {
  const stored = await api.run(`{ breachImpact(breachId: "${breachId}") { ${SELECTION} } }`, undefined, as('REGULATOR'));
  expect(stored.errors).toBeUndefined();
  // Served from the summary: no contract-aggregates statement ran.
  expect(stored.queries).toContain('impact/summaries-by-breach-ids');
  expect(stored.queries).not.toContain('impact/contract-aggregates');
  const date = stored.data.breachImpact.referenceDate;
  const live = await api.run(`{ breachImpact(breachId: "${breachId}", asOf: "${date}") { ${SELECTION} } }`, undefined, as('REGULATOR'));
  expect(live.queries).toContain('impact/contract-aggregates');
  expect(stored.data.breachImpact).toEqual(live.data.breachImpact);
  expect(stored.data.breachImpact.totals).toEqual({ people: affected(breachId).people.size, contracts: affected(breachId).contracts.size });
});

test('an insurer’s own totals are counted live (summaries are every-tenant)', async () => {
  const { queries, data } = await api.run('{ breachImpact(breachId: "breach-almerys-2024") { totals { contracts } } }', undefined, as('INSURER', 'org-alan'));
  expect(queries).toContain('impact/contract-aggregates');
  expect(data.breachImpact.totals.contracts).toBe(affected('breach-almerys-2024').byInsurer.get('org-alan')!.size);
});
