import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { loadSeeds, readSeedFile, SEED_FILES, SeedProgress, seedSteps } from '../src/domain/seed/load-seeds';
import { TEST_PSEUDONYM_KEY, testExecutor } from './harness';

/** Seeds load idempotently, and a bad seed file loads nothing. */
let executor: Executor;
beforeAll(() => {
  executor = testExecutor();
});
afterAll(async () => {
  await executor.close();
});

async function fingerprint(datasets: string[]) {
  const nodes = await executor.read<Record<string, unknown>>(cypher('admin/node-fingerprints'), { datasets });
  const rels = await executor.read<Record<string, unknown>>(cypher('admin/relationship-fingerprints'), { datasets });
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort().map(([k, x]) => [k, sortKeys(x)])) : v;
  // Relationships of the same type between the same nodes come back in any order: sort them.
  const relKeys = rels.map((r) => JSON.stringify(sortKeys(r))).sort();
  return { nodes: nodes.map((n) => JSON.stringify(sortKeys(n))), rels: relKeys };
}

test('loading the seeds twice gives the same graph', async () => {
  const datasets = ['case-2024', 'synthetic-portfolio'];
  const before = await fingerprint(datasets);
  expect(before.nodes.length).toBeGreaterThan(300);
  expect(before.rels.length).toBeGreaterThan(500);
  await loadSeeds(executor, TEST_PSEUDONYM_KEY);
  const after = await fingerprint(datasets);
  expect(after).toEqual(before);
});

test('a seed load reports its start with the number of steps, then every step in order: each statement, each commit, the summaries', async () => {
  const heard: SeedProgress[] = [];
  await loadSeeds(executor, TEST_PSEUDONYM_KEY, SEED_FILES, (p) => heard.push(p));
  const statements = SEED_FILES.map((f) => seedSteps(readSeedFile(f), TEST_PSEUDONYM_KEY).map((s) => s.query.name));
  const total = statements.reduce((n, s) => n + s.length + 1, 0) + 1;
  expect(heard[0]).toEqual({ done: 0, total, step: null, milestone: false });
  // No retry on a quiet test database: each step once, numbered 1 to total.
  expect(heard.map((p) => p.done)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
  expect(heard.every((p) => p.total === total)).toBe(true);
  expect(heard.slice(1).map((p) => p.step)).toEqual([
    ...statements[0].map((q) => `case-2024: ${q}`),
    'case-2024 committed (seeds/case-2024.json)',
    ...statements[1].map((q) => `synthetic-portfolio: ${q}`),
    'synthetic-portfolio committed (seeds/synthetic-portfolio.json)',
    'impact summaries',
  ]);
  expect(heard.filter((p) => p.milestone).map((p) => p.done)).toEqual([statements[0].length + 1, total - 1, total]);
});

function tempSeed(content: object): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seed-')), 'bad.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

test('a seed file with a dangling reference is refused with SEED_INVALID naming file, record and field; nothing is written', async () => {
  const file = tempSeed({
    dataset: 'test-bad-reference',
    organizations: [{ id: 'org-test-only', name: 'Test', roles: ['INSURER'], kind: 'MUTUELLE', description: null, source: null, confidence: null }],
    populations: [{ id: 'pop-test-only', name: 'P', kind: 'INSURED', owner: 'org-does-not-exist', size: null, sizeQualifier: null, note: null, source: null, confidence: null }],
  });
  await expect(loadSeeds(executor, TEST_PSEUDONYM_KEY, [file])).rejects.toMatchObject({
    code: 'SEED_INVALID',
    message: expect.stringMatching(/populations\[0\] \(pop-test-only\): field "owner" = "org-does-not-exist"/),
  });
  expect((await fingerprint(['test-bad-reference'])).nodes).toEqual([]);
});

test('a seed file that is not JSON is SEED_INVALID naming the file', async () => {
  const file = tempSeed({});
  fs.writeFileSync(file, '{ "dataset": ');
  await expect(loadSeeds(executor, TEST_PSEUDONYM_KEY, [file])).rejects.toMatchObject({ code: 'SEED_INVALID', message: expect.stringContaining(file) });
});

test('a load that fails inside the database leaves nothing half-written', async () => {
  // The first organisation is fine; the second passes the format check (free-text fields are
  // not type-checked) but Neo4j refuses a map as a property value, after the first was written.
  const file = tempSeed({
    dataset: 'test-half-written',
    organizations: [
      { id: 'org-test-half-1', name: 'Half 1', roles: ['INSURER'], kind: 'MUTUELLE', description: null, source: null, confidence: null },
      { id: 'org-test-half-2', name: 'Half 2', roles: ['INSURER'], kind: 'MUTUELLE', description: { not: 'a string' }, source: null, confidence: null },
    ],
  });
  await expect(loadSeeds(executor, TEST_PSEUDONYM_KEY, [...SEED_FILES, file])).rejects.toMatchObject({ code: 'INTERNAL' });
  expect((await fingerprint(['test-half-written'])).nodes).toEqual([]);
});

test('regression: a seed file with a date that does not exist (2024-02-30) is refused with SEED_INVALID naming the field; nothing is written', async () => {
  const file = tempSeed({
    dataset: 'test-bad-calendar-date',
    organizations: [{ id: 'org-test-calendar', name: 'Test', roles: ['INSURER'], kind: 'MUTUELLE', description: null, source: null, confidence: null }],
    ownerships: [{ parent: 'org-test-calendar', child: 'org-test-calendar', share: null, validFrom: '2024-02-30', validTo: null, note: null, source: null, confidence: null }],
  });
  await expect(loadSeeds(executor, TEST_PSEUDONYM_KEY, [file])).rejects.toMatchObject({
    code: 'SEED_INVALID',
    message: expect.stringMatching(/ownerships\[0\]: field "validFrom" = "2024-02-30"/),
  });
  expect((await fingerprint(['test-bad-calendar-date'])).nodes).toEqual([]);
});
