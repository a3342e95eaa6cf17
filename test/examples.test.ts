import fs from 'node:fs';
import path from 'node:path';
import { parse, print, OperationDefinitionNode } from 'graphql';
import type { Principal, Role } from '../src/auth/principal';
import { Api, as, startApi } from './harness';

/** Every operation of schema/examples.graphql runs without error on the seeded graph. */
const file = path.resolve(__dirname, '../schema/examples.graphql');
const doc = parse(fs.readFileSync(file, 'utf8'));
const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');

/** The token each operation runs with, from its `# as: ROLE [org]` comment (default ANALYST). */
const principals = new Map<string, Principal>();
let pending: Principal | undefined;
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  const m = /^# as: (\w+)(?: (\S+))?/.exec(line);
  if (m) pending = m[1] === 'ANONYMOUS' ? { kind: 'anonymous' } : as(m[1] as Role, m[2] ?? null);
  const op = /^(?:query|mutation) (\w+)/.exec(line);
  if (op) {
    principals.set(op[1], pending ?? as('ANALYST'));
    pending = undefined;
  }
}

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
  const { data, errors } = await api.run(print(op), undefined, principals.get(op.name!.value));
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
