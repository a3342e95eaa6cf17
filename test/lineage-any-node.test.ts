import { Api, as, EXACT_COUNTS, startApi } from './harness';

/**
 * Issue #11 §7, lineage and explanation for the analyst, on the seeded case. Each test replays a
 * defect quoted in the issue: lineage from a breach was NOT_FOUND, downstream from the Viamedis
 * platform or from Viamedis was empty, populations were never lineage nodes, and no insured path
 * carried a care-network hop although byPartner counted people through Santéclair.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi(undefined, { disclosure: EXACT_COUNTS });
});
afterAll(async () => {
  await api.close();
});

const NODE = 'id kind hops path flowIds edges';
const walk = (nodeId: string, direction: string, maxHops = 3) =>
  api.run(`{ lineage(nodeId: "${nodeId}", direction: ${direction}, maxHops: ${maxHops}) { root { ${NODE} } nodes { ${NODE} } truncated flows { id } } }`);

test('lineage starts from a breach and follows its compromised systems to the populations they hold', async () => {
  const { data, errors } = await walk('breach-viamedis-2024', 'DOWNSTREAM', 2);
  expect(errors).toBeUndefined();
  expect(data.lineage.root).toMatchObject({ id: 'breach-viamedis-2024', kind: 'BREACH', hops: 0 });
  const byId = new Map(data.lineage.nodes.map((n: any) => [n.id, n]));
  expect(byId.get('sys-viamedis-tp-platform')).toMatchObject({ kind: 'SYSTEM', hops: 1, edges: ['COMPROMISED'] });
  expect(byId.get('pop-malakoff-humanis-insured')).toMatchObject({
    kind: 'POPULATION',
    hops: 2,
    path: ['breach-viamedis-2024', 'sys-viamedis-tp-platform', 'pop-malakoff-humanis-insured'],
    edges: ['COMPROMISED', 'HOLDS'],
    flowIds: ['flow-malakoff-humanis-viamedis'],
  });
  expect(byId.get('pop-roederer-clients')).toMatchObject({ kind: 'POPULATION', hops: 2 });
  expect(data.lineage.flows.map((f: any) => f.id)).toContain('flow-malakoff-humanis-viamedis');
});

test('downstream from the Viamedis platform and from Viamedis is not empty: it reaches the populations held', async () => {
  const platform = await walk('sys-viamedis-tp-platform', 'DOWNSTREAM', 1);
  expect(platform.errors).toBeUndefined();
  const pops = platform.data.lineage.nodes.filter((n: any) => n.kind === 'POPULATION').map((n: any) => n.id);
  expect(pops).toEqual(expect.arrayContaining(['pop-malakoff-humanis-insured', 'pop-viamedis-professionals', 'pop-roederer-clients']));
  const viamedis = await walk('org-viamedis', 'DOWNSTREAM', 2);
  expect(viamedis.errors).toBeUndefined();
  const ids = viamedis.data.lineage.nodes.map((n: any) => n.id);
  expect(ids).toEqual(expect.arrayContaining(['sys-viamedis-tp-platform', 'sys-viamedis-pro-portal', 'pop-aesio-insured']));
  expect(viamedis.data.lineage.nodes.find((n: any) => n.id === 'sys-viamedis-tp-platform').edges).toEqual(['RUNS']);
});

test('a population is a lineage node and a root: upstream it shows who sends its data, where, and what breached it', async () => {
  const { data, errors } = await walk('pop-mgp-insured', 'UPSTREAM', 2);
  expect(errors).toBeUndefined();
  expect(data.lineage.root).toMatchObject({ id: 'pop-mgp-insured', kind: 'POPULATION' });
  const byId = new Map(data.lineage.nodes.map((n: any) => [n.id, n]));
  expect(byId.get('sys-almerys-tp-platform')).toMatchObject({ hops: 1, edges: ['HOLDS'] });
  expect(byId.get('org-mgp')).toMatchObject({ kind: 'ORGANIZATION', hops: 2, edges: ['HOLDS', 'FLOWS_TO'] });
  expect(byId.get('breach-almerys-2024')).toMatchObject({ kind: 'BREACH', hops: 2, edges: ['HOLDS', 'COMPROMISED'] });
});

test('an insurer’s lineage walks only its own flows, and an unknown node is NOT_FOUND', async () => {
  const { data, errors } = await api.run(
    `{ lineage(nodeId: "breach-almerys-2024", direction: DOWNSTREAM, maxHops: 2) { nodes { id kind } } }`,
    undefined,
    as('INSURER', 'org-mgp'),
  );
  expect(errors).toBeUndefined();
  const pops = data.lineage.nodes.filter((n: any) => n.kind === 'POPULATION').map((n: any) => n.id);
  expect(pops).toEqual(['pop-mgp-insured']);
  const missing = await walk('breach-nope', 'DOWNSTREAM');
  expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(missing.errors?.[0]?.message).toContain('breach-nope');
});

test('every partner a breakdown counts shows on a path, hop by hop (Santéclair included)', async () => {
  const { data, errors } = await api.run(`{ breachImpact(breachId: "breach-viamedis-2024") {
    byPartner { partner { id } role people }
    paths { partner { id } hops { kind id } } } }`);
  expect(errors).toBeUndefined();
  const santeclair = data.breachImpact.byPartner.find((p: any) => p.partner.id === 'org-santeclair');
  expect(santeclair).toMatchObject({ role: 'CARE_NETWORK' });
  expect(santeclair.people).toBeGreaterThan(0);
  for (const partner of data.breachImpact.byPartner.filter((p: any) => p.people > 0)) {
    const traced = data.breachImpact.paths.filter((p: any) => p.hops.some((h: any) => h.id === partner.partner.id));
    expect({ partner: partner.partner.id, traced: traced.length > 0 }).toEqual({ partner: partner.partner.id, traced: true });
  }
  const viaSanteclair = data.breachImpact.paths.find((p: any) => p.partner?.id === 'org-santeclair');
  expect(viaSanteclair.hops.map((h: any) => h.kind)).toEqual(['BREACH', 'SYSTEM', 'OPERATOR', 'PARTNER', 'CONTROLLER', 'POPULATION']);
});
