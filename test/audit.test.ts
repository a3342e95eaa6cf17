import crypto from 'node:crypto';
import { syntheticNir } from '../src/identity/nir';
import { Api, as, startApi } from './harness';

/** Each person- or contract-level read leaves exactly one record; each refusal, one refusal record. */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const unique = (prefix: string) => `${prefix}_${crypto.randomBytes(6).toString('hex')}`;

async function records(operationName: string) {
  const { data, errors } = await api.run(
    'query($op: String) { auditEvents(operationName: $op, limit: 10) { at subject role orgId field operationName arguments rows outcome reason } }',
    { op: operationName },
    as('ADMIN'),
  );
  expect(errors).toBeUndefined();
  return data.auditEvents as any[];
}

test('an affectedContracts read leaves exactly one READ record with the row count', async () => {
  const op = unique('ContractsProbe');
  // Bounds, not a duration: the record's time falls within the request, however slow the machine.
  const before = Date.now() - 1_000;
  const { data, errors } = await api.run(`query ${op} { affectedContracts(breachId: "breach-almerys-2024", first: 5) { edges { cursor } } }`, undefined, as('INSURER', 'org-alan'));
  expect(errors).toBeUndefined();
  const recs = await records(op);
  expect(recs).toHaveLength(1);
  expect(recs[0]).toMatchObject({ role: 'INSURER', orgId: 'org-alan', field: 'Query.affectedContracts', operationName: op, outcome: 'READ', rows: data.affectedContracts.edges.length });
  expect(JSON.parse(recs[0].arguments)).toMatchObject({ breachId: 'breach-almerys-2024', first: 5 });
  expect(Date.parse(recs[0].at)).toBeGreaterThanOrEqual(before);
  expect(Date.parse(recs[0].at)).toBeLessThanOrEqual(Date.now() + 1_000);
});

test('a memberExposure read is recorded with the NIR redacted', async () => {
  const op = unique('MemberProbe');
  const nir = syntheticNir('syn-person-00042');
  const { errors } = await api.run(`query ${op}($nir: String!) { memberExposure(nir: $nir) { contracts { role } } }`, { nir }, as('INSURER', 'org-la-mutuelle-generale'));
  expect(errors).toBeUndefined();
  const recs = await records(op);
  expect(recs).toHaveLength(1);
  expect(recs[0]).toMatchObject({ field: 'Query.memberExposure', outcome: 'READ' });
  expect(recs[0].arguments).not.toContain(nir);
  expect(JSON.parse(recs[0].arguments)).toEqual({ nir: '[redacted]' });
});

test('a refused read (wrong role) leaves exactly one REFUSED record and returns no rows', async () => {
  const op = unique('RefusedProbe');
  const { data, errors } = await api.run(`query ${op} { affectedContracts(breachId: "breach-almerys-2024") { totalCount } }`, undefined, as('REGULATOR'));
  expect(errors![0].extensions?.code).toBe('FORBIDDEN');
  expect(data).toBeNull();
  const recs = await records(op);
  expect(recs).toHaveLength(1);
  expect(recs[0]).toMatchObject({ role: 'REGULATOR', outcome: 'REFUSED', rows: null, reason: expect.stringMatching(/REGULATOR/) });
});

test('an insurer naming another insurer leaves a REFUSED record', async () => {
  const op = unique('CrossTenantProbe');
  const { errors } = await api.run(`query ${op} { affectedContracts(insurerId: "org-mgp", breachId: "breach-almerys-2024") { totalCount } }`, undefined, as('INSURER', 'org-alan'));
  expect(errors![0].extensions?.code).toBe('FORBIDDEN');
  const recs = await records(op);
  expect(recs).toHaveLength(1);
  expect(recs[0]).toMatchObject({ orgId: 'org-alan', outcome: 'REFUSED', reason: expect.stringContaining('org-mgp') });
});

test('aggregate reads are not person-level and leave no record', async () => {
  const op = unique('AggregateProbe');
  await api.run(`query ${op} { breachImpact(breachId: "breach-almerys-2024") { totals { people } } }`, undefined, as('REGULATOR'));
  expect(await records(op)).toHaveLength(0);
});

test('the trail is for ADMIN and REGULATOR only', async () => {
  for (const principal of [as('INSURER', 'org-alan'), as('ANALYST')]) {
    const { errors } = await api.run('{ auditEvents { id } }', undefined, principal);
    expect(errors![0].extensions?.code).toBe('FORBIDDEN');
  }
});

test('regression: a NIR typed into token claims never reaches the trail in clear (subject, org and reason)', async () => {
  const nir = syntheticNir('claim-probe-4242');
  const op = unique('ClaimNirProbe');
  const principal = { kind: 'user' as const, subject: nir, role: 'INSURER' as const, orgId: nir };
  const { errors } = await api.run(`query ${op} { affectedContracts(breachId: "breach-almerys-2024", first: 1) { totalCount } }`, undefined, principal);
  expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const recs = await records(op);
  expect(recs).toHaveLength(1);
  expect(JSON.stringify(recs)).not.toContain(nir);
});
