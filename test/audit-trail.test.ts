import crypto from 'node:crypto';
import { ANONYMOUS } from '../src/auth/principal';
import { syntheticNir } from '../src/identity/nir';
import { Api, as, startApi } from './harness';

/**
 * Issue #10 §2 (the audit trail): cursors that hide contract ids, every attempt on a person- or
 * contract-level field recorded (refused or not, anonymous too), and the alias that asked.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const alan = as('INSURER', 'org-alan');
const unique = (prefix: string) => `${prefix}_${crypto.randomBytes(6).toString('hex')}`;

async function records(operationName: string) {
  const { data, errors } = await api.run(
    'query($op: String) { auditEvents(operationName: $op, limit: 20) { subject role orgId field path operationName arguments rows outcome code reason } }',
    { op: operationName },
    as('REGULATOR'),
  );
  expect(errors).toBeUndefined();
  return data.auditEvents as any[];
}

async function firstPage(size: number) {
  const { data, errors } = await api.run(
    `{ affectedContracts(breachId: "breach-almerys-2024", first: ${size}) { edges { cursor node { contract { id } } } pageInfo { endCursor hasNextPage } } }`,
    undefined,
    alan,
  );
  expect(errors).toBeUndefined();
  return data.affectedContracts;
}

describe('a. cursors are opaque and the trail carries no row identifier', () => {
  test('regression: a cursor does not decode to its contract id', async () => {
    const page = await firstPage(3);
    expect(page.edges.length).toBeGreaterThan(0);
    for (const edge of page.edges) {
      for (const encoding of ['base64url', 'base64', 'hex'] as const) {
        const decoded = Buffer.from(edge.cursor, encoding).toString('latin1');
        expect(decoded).not.toContain(edge.node.contract.id);
        expect(decoded).not.toContain('contract:');
      }
    }
  });

  test('regression: a tampered cursor is BAD_USER_INPUT, not another position', async () => {
    const page = await firstPage(2);
    const cursor: string = page.pageInfo.endCursor;
    const i = Math.floor(cursor.length / 2);
    const tampered = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
    const { errors } = await api.run(`{ affectedContracts(breachId: "breach-almerys-2024", first: 2, after: ${JSON.stringify(tampered)}) { totalCount } }`, undefined, alan);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('regression: the trail stores a marker for the `after` cursor, never the cursor itself', async () => {
    const page = await firstPage(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const op = unique('CursorArgProbe');
    const { errors } = await api.run(`query ${op}($after: String) { affectedContracts(breachId: "breach-almerys-2024", first: 2, after: $after) { totalCount } }`, { after: page.pageInfo.endCursor }, alan);
    expect(errors).toBeUndefined();
    const recs = await records(op);
    expect(recs).toHaveLength(1);
    expect(recs[0].arguments).not.toContain(page.pageInfo.endCursor);
    expect(JSON.parse(recs[0].arguments)).toMatchObject({ after: '<cursor>', first: 2 });
    for (const edge of page.edges) expect(recs[0].arguments).not.toContain(edge.node.contract.id);
  });

  test('regression: a NIR smuggled inside a forged cursor does not reach the trail', async () => {
    const nir = syntheticNir('syn-person-00042');
    const forged = Buffer.from(`contract:${nir}`, 'utf8').toString('base64url');
    const op = unique('NirCursorProbe');
    const { errors } = await api.run(`query ${op} { affectedContracts(breachId: "breach-almerys-2024", after: ${JSON.stringify(forged)}) { totalCount } }`, undefined, alan);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const recs = await records(op);
    expect(recs).toHaveLength(1);
    expect(recs[0].arguments).not.toContain(forged);
    expect(recs[0].reason ?? '').not.toContain(forged);
    expect(JSON.stringify(recs[0])).not.toContain(nir);
  });
});

describe('b. every attempt on a person- or contract-level field is recorded, refused or not', () => {
  const cases: Array<[string, string, Record<string, unknown> | undefined, ReturnType<typeof as> | typeof ANONYMOUS, string, string]> = [
    ['a bad `first`', 'affectedContracts(breachId: "breach-almerys-2024", first: 0) { totalCount }', undefined, alan, 'BAD_USER_INPUT', 'Query.affectedContracts'],
    ['a forged cursor', 'affectedContracts(breachId: "breach-almerys-2024", after: "bm90LWEtY3Vyc29y") { totalCount }', undefined, alan, 'BAD_USER_INPUT', 'Query.affectedContracts'],
    ['an unknown breach', 'affectedContracts(breachId: "breach-does-not-exist") { totalCount }', undefined, alan, 'NOT_FOUND', 'Query.affectedContracts'],
    ['an invalid NIR', 'memberExposure(nir: "1850775123456") { contracts { role } }', undefined, as('INSURER', 'org-la-mutuelle-generale'), 'BAD_USER_INPUT', 'Query.memberExposure'],
    ['an anonymous attempt on affectedContracts', 'affectedContracts(breachId: "breach-almerys-2024") { totalCount }', undefined, ANONYMOUS, 'UNAUTHENTICATED', 'Query.affectedContracts'],
    ['an anonymous attempt on memberExposure', 'memberExposure(nir: "101097412336605") { contracts { role } }', undefined, ANONYMOUS, 'UNAUTHENTICATED', 'Query.memberExposure'],
  ];
  test.each(cases)('regression: %s leaves exactly one REFUSED record with its code', async (_name, selection, variables, principal, code, field) => {
    const op = unique('RefusalProbe');
    const { errors } = await api.run(`query ${op} { ${selection} }`, variables, principal);
    expect(errors?.[0].extensions?.code).toBe(code);
    const recs = await records(op);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ field, outcome: 'REFUSED', code, rows: null });
    if (principal.kind === 'anonymous') expect(recs[0]).toMatchObject({ role: 'anonymous', subject: 'anonymous', orgId: null });
    expect(recs[0].arguments).not.toMatch(/1850775123456|101097412336605/);
  });

  test('a read leaves one READ record and no refusal; a cross-tenant refusal leaves one record', async () => {
    const op = unique('OneRecordProbe');
    await api.run(`query ${op} { affectedContracts(breachId: "breach-almerys-2024", first: 1) { totalCount } }`, undefined, alan);
    expect((await records(op)).map((r) => [r.outcome, r.code])).toEqual([['READ', null]]);
    const op2 = unique('CrossTenantOnce');
    await api.run(`query ${op2} { affectedContracts(insurerId: "org-mgp", breachId: "breach-almerys-2024") { totalCount } }`, undefined, alan);
    expect((await records(op2)).map((r) => [r.outcome, r.code])).toEqual([['REFUSED', 'FORBIDDEN']]);
  });
});

describe('c. each record names the response path that asked', () => {
  test('regression: two aliases give two records told apart by their path', async () => {
    const op = unique('AliasProbe');
    const { errors } = await api.run(
      `query ${op} { a: affectedContracts(breachId: "breach-almerys-2024", first: 1) { totalCount } b: affectedContracts(breachId: "breach-almerys-2024", first: 2) { totalCount } }`,
      undefined,
      alan,
    );
    expect(errors).toBeUndefined();
    const recs = (await records(op)).sort((x, y) => String(x.path).localeCompare(String(y.path)));
    expect(recs.map((r) => r.path)).toEqual(['a', 'b']);
    expect(JSON.parse(recs[0].arguments).first).toBe(1);
    expect(JSON.parse(recs[1].arguments).first).toBe(2);
  });
});
