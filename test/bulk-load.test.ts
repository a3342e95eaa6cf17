import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cypher } from '../src/db/cypher-files';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { Executor } from '../src/db/executor';
import { applySchema } from '../src/db/schema';
import { afterWrite } from '../src/domain/after-write';
import { generateSyntheticFrance } from '../src/domain/generate/synthetic-france';
import { startBulkLoad } from '../src/domain/import/bulk-load';
import { importPortfolio, readReferences, RejectedRow } from '../src/domain/import/import-portfolio';
import { loadSeeds, SEED_FILES } from '../src/domain/seed/load-seeds';
import { syntheticNir } from '../src/identity/nir';
import { SERVER_START_MS, TEST_PSEUDONYM_KEY, testLogger, testPassword } from './harness';

/**
 * The bulk first load (issue #12 §1) against the transactional import of the same files, on a
 * small generated France: the same graph (every node and relationship, with property types), the
 * same maintained summaries (they are nodes of that graph), the same rejects; and a store that is
 * no longer empty is refused. Two stores of the test's own, one after the other.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-bulk-'));
const france = generateSyntheticFrance({ people: 3_000, seed: 11, dir: path.join(root, 'france') });
const seedFiles = [...SEED_FILES, france.seedFile];
// The generator names each file relative to its folder.
const files = france.insurers.map((i) => ({ insurerId: i.id, file: path.join(france.dir, i.file) }));

// Some bad rows and repeats in the largest file, so that rejects and last-row-wins are compared too.
const largest = [...france.insurers].sort((a, b) => b.people - a.people)[0];
const largestFile = path.join(france.dir, largest.file);
const number = 'BULK-REPEAT-1';
fs.appendFileSync(
  largestFile,
  [
    `${number},${syntheticNir('bulk-a')},HOLDER,Santé,,,2020-01-01,`,
    `${number},${syntheticNir('bulk-b')},DEPENDANT,Santé,,,2020-01-01,`,
    // The same contract again: its product and end date change, the dependant becomes holder.
    `${number},${syntheticNir('bulk-b')},HOLDER,"Santé, ""plus""",,,2020-01-01,2024-06-30`,
    `BAD-ROLE,${syntheticNir('bulk-c')},BOSS,Santé,,,2020-01-01,`,
    `BAD-NIR,123,HOLDER,Santé,,,2020-01-01,`,
    `BAD-OP,${syntheticNir('bulk-d')},HOLDER,Santé,org-nobody,,2020-01-01,`,
  ].join('\n') + '\n',
);

type Fingerprint = { nodes: string[]; rels: string[] };
/** Written by the clock or at random (the summary lock's catalogue version is a UUID), so they differ between any two loads: their presence and type are compared, not their value. */
const VOLATILE = new Set(['importedAt', 'portfolioImportedAt', 'computedAt', 'changedAt', 'version', 'catalogueVersion', 'lockedAt', 'refreshedAt']);

/**
 * A property value with the JSON the summaries keep in canonical form (its lists sorted, its keys
 * in order): those lists come in the order the graph was walked, and the two stores lay their
 * records out differently. Lists stored as properties (portfolioSources…) keep their order.
 */
function canonical(v: unknown, inJson = false): unknown {
  if (!inJson && typeof v === 'string' && /^[[{]/.test(v)) {
    try {
      return { json: canonical(JSON.parse(v), true) };
    } catch {
      return v;
    }
  }
  if (!inJson) return v;
  if (Array.isArray(v)) return v.map((x) => canonical(x, true)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x, true)]));
  return v;
}

async function fingerprint(executor: Executor): Promise<Fingerprint> {
  const stable = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, VOLATILE.has(k) ? '<set>' : canonical(v)]));
  const nodes = await executor.read<{ labels: string[]; props: Record<string, unknown>; types: string[] }>(cypher('admin/graph-node-fingerprints'));
  const rels = await executor.read<{ props: Record<string, unknown>; types: string[] }>(cypher('admin/graph-relationship-fingerprints'));
  return {
    nodes: nodes.map((n) => JSON.stringify({ labels: [...n.labels].sort(), props: stable(n.props), types: [...n.types].sort() })).sort(),
    rels: rels.map((r) => JSON.stringify({ ...r, props: stable(r.props), types: [...r.types].sort() })).sort(),
  };
}

let transactional: { fingerprint: Fingerprint; rejects: Record<string, RejectedRow[]> };
let bulk: { fingerprint: Fingerprint; rejects: Record<string, RejectedRow[]> };
const bulkStore = { dataDir: path.join(root, 'bulk-store'), heap: '512m', pageCache: '64m', password: testPassword(), boltPort: 0, maxOffHeap: '1g' };

beforeAll(async () => {
  // The transactional import, as `npm run seed -- insurers.json` then `npm run import -- --dir` run it.
  const server = await startEmbeddedNeo4j({ boltPort: 0, dataDir: path.join(root, 'transactional-store'), heap: '512m', pageCache: '64m', password: testPassword() });
  const executor = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 60_000, logger: testLogger });
  try {
    await executor.waitUntilReachable();
    await applySchema(executor);
    await loadSeeds(executor, TEST_PSEUDONYM_KEY, seedFiles);
    const references = await readReferences(executor);
    const rejects: Record<string, RejectedRow[]> = {};
    for (const f of files) {
      rejects[f.insurerId] = [];
      await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: f.insurerId, source: fs.createReadStream(f.file), references, refreshSummaries: false, onReject: (r) => rejects[f.insurerId].push(r) });
    }
    await afterWrite(executor, { catalogue: false });
    transactional = { fingerprint: await fingerprint(executor), rejects };
  } finally {
    await executor.close();
    await server.stop();
  }

  // The bulk first load of the same files, into an empty store.
  const load = await startBulkLoad({ store: bulkStore, seedFiles, pseudonymKey: TEST_PSEUDONYM_KEY, logger: testLogger });
  const rejects: Record<string, RejectedRow[]> = {};
  for (const f of files) {
    rejects[f.insurerId] = [];
    await importPortfolio({
      executor: load.executor,
      pseudonymKey: TEST_PSEUDONYM_KEY,
      insurerId: f.insurerId,
      source: fs.createReadStream(f.file),
      references: load.references,
      refreshSummaries: false,
      writeRows: load.writeRows,
      onReject: (r) => rejects[f.insurerId].push(r),
    });
    await load.endFile();
  }
  const result = await load.build();
  try {
    expect(result.totals.contracts).toBeGreaterThan(1_000);
    bulk = { fingerprint: await fingerprint(result.executor), rejects };
  } finally {
    await result.close();
  }
}, 3 * SERVER_START_MS);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

test('the bulk first load builds the same graph as the transactional import of the same files, summaries included', () => {
  const contracts = transactional.fingerprint.nodes.filter((n) => n.includes('"labels":["Contract"]'));
  // Not a comparison of two empty graphs: the generated contracts, people and summaries are there.
  expect(contracts.length).toBeGreaterThan(1_000);
  expect(transactional.fingerprint.nodes.filter((n) => n.includes('"labels":["ImpactSummary"]')).length).toBeGreaterThan(0);
  expect(transactional.fingerprint.nodes.filter((n) => n.includes('"labels":["InsurerImpactSummary"]')).length).toBeGreaterThan(10);
  // Dates are dates, and the repeated contract kept its last row's values, in both.
  expect(contracts.find((c) => c.includes(`:${number}"`))).toMatch(/"endDate":"2024-06-30".*"product":"Santé, \\"plus\\"".*"startDate: DATE NOT NULL"/);
  expect(bulk.fingerprint.nodes.length).toBe(transactional.fingerprint.nodes.length);
  expect(bulk.fingerprint.rels.length).toBe(transactional.fingerprint.rels.length);
  expect(bulk.fingerprint).toEqual(transactional.fingerprint);
});

test('the bulk first load rejects the same rows, with the same lines and reasons', () => {
  expect(transactional.rejects[largest.id].map((r) => r.reason)).toEqual([expect.stringMatching(/role/), expect.stringMatching(/NIR|nir/), expect.stringMatching(/operator/)]);
  expect(bulk.rejects).toEqual(transactional.rejects);
});

test('a store that is not empty is refused with BULK_LOAD_NOT_EMPTY before anything is staged into it', async () => {
  await expect(startBulkLoad({ store: bulkStore, seedFiles, pseudonymKey: TEST_PSEUDONYM_KEY, logger: testLogger })).rejects.toMatchObject({
    code: 'BULK_LOAD_NOT_EMPTY',
    message: expect.stringMatching(/only runs on an empty store.*transactional import/),
  });
  expect(fs.existsSync(path.join(bulkStore.dataDir, 'bulk-load-unfinished'))).toBe(false);
}, SERVER_START_MS);
