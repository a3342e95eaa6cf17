import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BulkFiles } from './bulk-files';
import { bulkStoreOf } from './bulk-load';
import type { PortfolioRow } from './portfolio-row';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-files-'));
const row = (over: Partial<PortfolioRow>): PortfolioRow => ({
  contractId: 'org-a:C1',
  number: 'C1',
  pseudonym: 'nir:p1',
  role: 'HOLDER',
  product: null,
  operator: null,
  network: null,
  startDate: '2020-01-01',
  endDate: null,
  ...over,
});
const lines = (file: string) => fs.readFileSync(file, 'utf8').trimEnd().split('\n');
const A = { insurerId: 'org-a', populationId: 'pop-a' };

test('the importer files give what MERGE and SET give row after row: one contract with its last row, one COVERS per person with the last role', async () => {
  const d = dir();
  const files = new BulkFiles(d);
  await files.add([row({ product: 'Basic' }), row({ pseudonym: 'nir:p2', role: 'DEPENDANT' })], A);
  await files.add([row({ contractId: 'org-a:C2', number: 'C2', pseudonym: 'nir:p2' }), row({ pseudonym: 'nir:p2', role: 'HOLDER', product: 'Santé, "plus"', endDate: '2024-06-30' })], A);
  const { inputs, totals } = await files.close();
  expect(totals).toEqual({ contracts: 2, coverRelationships: 3, insurerIds: ['org-a'] });
  const file = (name: string) => inputs.find((i) => i.name === name)!.file;
  const contracts = lines(file('Contract'));
  expect(contracts[0]).toBe('id:ID(Contract),insurerId,synthetic:boolean,number,product,operatorId,networkId,startDate:date,endDate:date,importedAt:datetime');
  // Nulls are empty unquoted fields (no property); strings are quoted with inner quotes doubled.
  expect(contracts[1]).toMatch(/^"org-a:C1","org-a",false,"C1","Santé, ""plus""",,,2020-01-01,2024-06-30,\d{4}-\d\d-\d\dT[\d:.]+Z$/);
  expect(contracts[2]).toMatch(/^"org-a:C2","org-a",false,"C2",,,,2020-01-01,,/);
  expect(lines(file('COVERS')).slice(1)).toEqual(['"org-a:C1","nir:p1","HOLDER"', '"org-a:C1","nir:p2","HOLDER"', '"org-a:C2","nir:p2","HOLDER"']);
  expect(lines(file('Beneficiary')).slice(1)).toEqual(['"nir:p1","nir:p1"', '"nir:p2","nir:p2"']);
  expect(lines(file('HELD_WITH')).slice(1)).toEqual(['"org-a:C1","org-a"', '"org-a:C2","org-a"']);
  expect(lines(file('IN_POPULATION')).slice(1)).toEqual(['"org-a:C1","pop-a"', '"org-a:C2","pop-a"']);
  expect(lines(file('Organization'))).toEqual(['id:ID(Organization)', '"org-a"']);
  expect(lines(file('Population'))).toEqual(['id:ID(Population)', '"pop-a"']);
  expect(files.multiline).toBe(false);
  // The files hold pseudonyms: owner only.
  for (const i of inputs) expect(fs.statSync(i.file).mode & 0o777).toBe(0o600);
});

test('an insurer whose rows come in two files, or interleaved with another insurer, is refused; a file with no row writes no insurer', async () => {
  const files = new BulkFiles(dir());
  await files.endFile();
  await files.add([row({})], A);
  await expect(files.add([row({ contractId: 'org-b:C1' })], { insurerId: 'org-b', populationId: 'pop-b' })).rejects.toThrow(/before the file of org-a ended/);
  await files.endFile();
  await expect(files.add([row({})], A)).rejects.toThrow(/one file, once/);
  const { totals } = await files.close();
  expect(totals.insurerIds).toEqual(['org-a']);
});

test('a value with a line break switches the importer to multi-line fields', async () => {
  const files = new BulkFiles(dir());
  await files.add([row({ product: 'two\nlines' })], A);
  await files.close();
  expect(files.multiline).toBe(true);
});

test('the bulk load refuses a remote server (NEO4J_URI) with BULK_LOAD_NEEDS_EMBEDDED, saying what to do for Aura, without quoting credentials', () => {
  const embedded = { boltPort: 0, dataDir: '/tmp/x', heap: '1g', pageCache: '512m' };
  const config = (uri: string | undefined) => ({ neo4j: { uri, embedded } }) as unknown as Parameters<typeof bulkStoreOf>[0];
  let error: unknown;
  try {
    bulkStoreOf(config('neo4j+s://user:secret@abcd1234.databases.neo4j.io'), 'p'.repeat(16));
  } catch (e) {
    error = e;
  }
  expect(error).toMatchObject({ code: 'BULK_LOAD_NEEDS_EMBEDDED', message: expect.stringMatching(/embedded store.*Aura.*neo4j-admin database upload.*dump/) });
  expect((error as Error).message).not.toContain('secret');
  expect(bulkStoreOf(config(undefined), 'p'.repeat(16))).toMatchObject({ dataDir: '/tmp/x', heap: '1g', pageCache: '512m' });
});
