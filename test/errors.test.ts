import { Api, as, startApi } from './harness';
import type { Principal } from '../src/auth/principal';

/** Unknown ids give NOT_FOUND and bad arguments BAD_USER_INPUT, each naming the bad value. */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const cases: Array<[string, string, string, RegExp]> = [
  ['unknown breach', '{ breach(id: "breach-nope") { id } }', 'NOT_FOUND', /breach-nope/],
  ['unknown breach in breachImpact', '{ breachImpact(breachId: "breach-nope") { referenceDate } }', 'NOT_FOUND', /breach-nope/],
  ['unknown organisation', '{ organization(id: "org-nope") { id } }', 'NOT_FOUND', /org-nope/],
  ['unknown lineage node', '{ lineage(nodeId: "sys-nope", direction: UPSTREAM) { truncated } }', 'NOT_FOUND', /sys-nope/],
  ['another insurer’s contracts', '{ affectedContracts(insurerId: "org-nope", breachId: "breach-almerys-2024") { totalCount } }', 'FORBIDDEN', /org-nope/],
  ['unknown breach for contracts', '{ affectedContracts(insurerId: "org-alan", breachId: "b-x") { totalCount } }', 'NOT_FOUND', /b-x/],
  ['page size 0', '{ affectedContracts(insurerId: "org-alan", breachId: "breach-almerys-2024", first: 0) { totalCount } }', 'BAD_USER_INPUT', /first.*0|0.*first/],
  ['page size 1000', '{ affectedContracts(insurerId: "org-alan", breachId: "breach-almerys-2024", first: 1000) { totalCount } }', 'BAD_USER_INPUT', /1000/],
  ['forged cursor', '{ affectedContracts(insurerId: "org-alan", breachId: "breach-almerys-2024", after: "bm90LWEtY3Vyc29y") { totalCount } }', 'BAD_USER_INPUT', /bm90LWEtY3Vyc29y/],
  ['maxHops 9', '{ lineage(nodeId: "org-alan", direction: DOWNSTREAM, maxHops: 9) { truncated } }', 'BAD_USER_INPUT', /9/],
  ['impossible date', '{ breachImpact(breachId: "breach-almerys-2024", asOf: "2024-02-30") { referenceDate } }', 'BAD_USER_INPUT', /2024-02-30/],
  ['unknown enum value', '{ organizations(role: PIRATE) { id } }', 'BAD_USER_INPUT', /PIRATE/],
  ['no breach ids', '{ affectedInsurers(breachIds: []) { affectedByAll } }', 'BAD_USER_INPUT', /breachIds/],
  ['syntax error', '{ breaches { id ', 'BAD_USER_INPUT', /Syntax Error/],
  ['unknown field', '{ breaches { nir } }', 'BAD_USER_INPUT', /nir/],
];

// Contract-level fields need an insurer's token; the rest run as an analyst.
const principalFor = (query: string): Principal => (query.includes('affectedContracts') ? as('INSURER', 'org-alan') : as('ANALYST'));

test.each(cases)('%s', async (_name, query, code, message) => {
  const { errors } = await api.run(query, undefined, principalFor(query));
  expect(errors).toHaveLength(1);
  expect(errors![0].extensions?.code).toBe(code);
  expect(errors![0].message).toMatch(message);
});

test('bad variables are BAD_USER_INPUT naming the value', async () => {
  const { errors } = await api.run('query($d: LocalDate) { breachImpact(breachId: "breach-almerys-2024", asOf: $d) { referenceDate } }', { d: 'yesterday' });
  expect(errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors![0].message).toMatch(/yesterday/);
});

test('errors carry no stack trace or database detail', async () => {
  const { errors } = await api.run('{ breach(id: "x\') RETURN 1 //") { id } }');
  expect(errors![0].extensions?.code).toBe('NOT_FOUND');
  expect(JSON.stringify(errors)).not.toMatch(/stacktrace|at .*\.ts:|Neo4jError|MATCH/);
});
