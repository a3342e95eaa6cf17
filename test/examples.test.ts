import fs from 'node:fs';
import path from 'node:path';
import { parse, print, OperationDefinitionNode } from 'graphql';
import { Api, startApi } from './harness';

/** Every operation of schema/examples.graphql runs without error on the seeded graph. */
const file = path.resolve(__dirname, '../schema/examples.graphql');
const doc = parse(fs.readFileSync(file, 'utf8'));
const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

test('examples.graphql holds the documented operations', () => {
  expect(operations.map((o) => o.name?.value)).toEqual(
    expect.arrayContaining(['BreachTimeline', 'ExposedAndNotExposed', 'InsurersByOperator', 'ViamedisProfessionals', 'Owners', 'Figures']),
  );
});

test.each(operations.map((o) => [o.name!.value, o] as const))('%s runs without error', async (_name, op) => {
  const { data, errors } = await api.run(print(op));
  expect(errors).toBeUndefined();
  expect(data).toBeTruthy();
});

test('LmgPartners: Viamedis before the switch, Almerys after', async () => {
  const op = operations.find((o) => o.name?.value === 'LmgPartners')!;
  const { data } = await api.run(print(op));
  const names = (xs: any[]) => xs.map((p) => p.partner.name);
  expect(names(data.before.partnerships)).toEqual(['Viamedis']);
  expect(names(data.after.partnerships)).toEqual(['Almerys']);
});
