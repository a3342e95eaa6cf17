import { visibleToTenant } from '../src/db/reach';
import { impactPaths } from '../src/domain/impact/impact.repository';
import { requestDb } from '../src/db/request-db';
import { newRoundTripCounter } from '../src/db/executor';
import { Api, as, EXACT_COUNTS, startApi } from './harness';

/**
 * Issue #11 §1 (last bullet): the broker Roederer is an intermediary (flow-roederer-viamedis goes
 * VIA org-roederer and names no CONTROLLER: the insurers behind it are unknown). Its path must be
 * kept, with its controller unknown, counted as no insurer, shown as the intermediary it is, and
 * kept away from every INSURER token. Before the fix impact-paths required a CONTROLLER and dropped
 * the path silently.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi(undefined, { disclosure: EXACT_COUNTS });
});
afterAll(async () => {
  await api.close();
});

const VIAMEDIS = 'breach-viamedis-2024';
const FLOW = 'flow-roederer-viamedis';
const PATHS = `paths { flow { id } controller { id } partner { id } population { id } hops { kind id gdprRole } }`;

test('the broker’s path is kept with its controller unknown, and its people, contracts and insurers read unknown, not 0', async () => {
  const { data, errors } = await api.run(`{ breachImpact(breachId: "${VIAMEDIS}") {
    ${PATHS} totals { insurers } byInsurer { insurer { id } } byPartner { partner { id } role people contracts insurers } } }`);
  expect(errors).toBeUndefined();
  const impact = data.breachImpact;
  const broker = impact.paths.filter((p: any) => p.flow.id === FLOW);
  expect(broker).toEqual([
    {
      flow: { id: FLOW },
      controller: null,
      partner: { id: 'org-roederer' },
      population: { id: 'pop-roederer-clients' },
      hops: [
        { kind: 'BREACH', id: VIAMEDIS, gdprRole: null },
        { kind: 'SYSTEM', id: 'sys-viamedis-tp-platform', gdprRole: null },
        { kind: 'OPERATOR', id: 'org-viamedis', gdprRole: 'PROCESSOR' },
        { kind: 'PARTNER', id: 'org-roederer', gdprRole: null },
        { kind: 'POPULATION', id: 'pop-roederer-clients', gdprRole: null },
      ],
    },
  ]);
  const insurers = impact.byInsurer.map((r: any) => r.insurer.id);
  expect(insurers).not.toContain('org-roederer');
  expect(insurers).not.toContain(null);
  const controllers = new Set(impact.paths.filter((p: any) => p.controller && p.population.id.endsWith('-insured')).map((p: any) => p.controller.id));
  expect(impact.totals.insurers).toBe(controllers.size);
  // Shown as what it is: an intermediary, not a care network, whose insurers and people are
  // unknown (null), never the 0 they read before, which said "nobody".
  expect(impact.byPartner.filter((r: any) => r.partner.id === 'org-roederer')).toEqual([{ partner: { id: 'org-roederer' }, role: 'INTERMEDIARY', people: null, contracts: null, insurers: null }]);
  const viamedis = impact.byPartner.find((r: any) => r.partner.id === 'org-viamedis');
  expect(viamedis.role).toBe('OPERATOR');
});

test('affectedInsurers never lists the broker nor a null insurer', async () => {
  const { data, errors } = await api.run(`{ affectedInsurers(breachIds: ["${VIAMEDIS}"]) { insurer { id } } }`);
  expect(errors).toBeUndefined();
  const ids = data.affectedInsurers.map((a: any) => a.insurer.id);
  expect(ids.length).toBeGreaterThan(0);
  expect(ids).not.toContain('org-roederer');
});

test('no INSURER token gets the path whose controller is unknown (statement and cached rows alike)', async () => {
  // The insurers: controllers of insured people's paths (care networks control their own members' flows).
  const all = await api.run(`{ breachImpact(breachId: "${VIAMEDIS}") { paths(populationKind: INSURED) { controller { id } } } }`);
  const tenants = [...new Set(all.data.breachImpact.paths.flatMap((p: any) => (p.controller ? [p.controller.id] : [])))] as string[];
  expect(tenants.length).toBeGreaterThan(5);
  for (const tenant of [...tenants, 'org-roederer']) {
    // Stored summary (default date) and a live walk (explicit asOf) both go through the tenant filter.
    for (const asOf of ['null', '"2024-01-22"']) {
      const { data, errors } = await api.run(`{ breachImpact(breachId: "${VIAMEDIS}", asOf: ${asOf}) { ${PATHS} } }`, undefined, as('INSURER', tenant));
      if (tenant === 'org-roederer') {
        // Not an insurer of the graph: refused outright.
        expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        continue;
      }
      expect(errors).toBeUndefined();
      expect(data.breachImpact.paths.map((p: any) => p.flow.id)).not.toContain(FLOW);
      for (const p of data.breachImpact.paths) expect(p.controller).toEqual({ id: tenant });
    }
  }
  // The statement itself, with a tenant: no row without a controller.
  const db = requestDb(api.executor, newRoundTripCounter());
  const [row] = await impactPaths(db, [{ breachId: VIAMEDIS, asOf: null }], tenants[0]);
  expect(row.paths.every((p) => p.controllerId === tenants[0])).toBe(true);
  const [every] = await impactPaths(db, [{ breachId: VIAMEDIS, asOf: null }], null);
  expect(every.paths.filter((p) => p.controllerId === null).map((p) => p.flowId)).toEqual([FLOW]);
  // The cached-row filter agrees.
  expect(visibleToTenant({ controllerId: null }, tenants[0])).toBe(false);
  expect(visibleToTenant({ controllerId: null }, null)).toBe(true);
});
