import { Api, as, startApi } from './harness';

/** Operations beyond the limits are QUERY_TOO_COMPLEX; the documented ones pass (examples.test.ts). */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

test('depth over 10', async () => {
  let sel = 'name';
  for (let i = 0; i < 6; i++) sel = `owners { owner { ${sel} } }`;
  const { errors } = await api.run(`{ organizations { ${sel} } }`);
  expect(errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/depth/) });
});

test('more than 20 aliases', async () => {
  const fields = Array.from({ length: 25 }, (_, i) => `a${i}: breaches { id }`).join(' ');
  const { errors } = await api.run(`{ ${fields} }`);
  expect(errors![0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
});

test('more than 3,000 tokens', async () => {
  const { errors } = await api.run(`{ breaches { ${'id '.repeat(3100)} } }`);
  expect(errors![0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
});

test('too costly: a page of 100 contracts is priced per contract, so a few deep pages exceed the budget', async () => {
  const page = (alias: string) => `${alias}: affectedContracts(breachId: "breach-almerys-2024", first: 100) { edges { node {
    contract { number insurer { name } operator { name } network { name } }
    paths { hops { kind name gdprRole } controller { name } operator { name } population { name } flow { id categories { name } } }
    exposedCategories { name parent { name } } } } }`;
  const { errors } = await api.run(`{ ${['a', 'b', 'c', 'd'].map(page).join(' ')} }`, undefined, as('INSURER', 'org-alan'));
  expect(errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/Cost limit of 5000/) });
});

test('more than 20 directives', async () => {
  const { errors } = await api.run(`{ breaches { id ${'@include(if: true) '.repeat(25)} } }`);
  expect(errors![0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
});
