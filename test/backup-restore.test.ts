import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { cypher } from '../src/db/cypher-files';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/db/embedded';
import { Executor } from '../src/db/executor';
import { applySchema, schemaObjectNames } from '../src/db/schema';
import { dumpStore, loadStore, storeHasDatabase } from '../src/db/store-archive';
import { exportLogical } from '../src/domain/backup/logical-export';
import { restoreLogical } from '../src/domain/backup/logical-restore';
import { isLogicalExport } from '../src/domain/backup/logical-format';
import { loadSeeds } from '../src/domain/seed/load-seeds';
import { SERVER_START_MS, TEST_PSEUDONYM_KEY, testLogger, testPassword } from './harness';

/**
 * Backup and restore (issue #14 §4) on stores of the test's own: the embedded store's Neo4j dump
 * loaded into a new store, and the logical export restored over Bolt into an empty server (the
 * path a remote server takes), each give the same graph as the original: every node and
 * relationship, property values and their types (checked twice: through the driver with
 * valueType(), and as Neo4j's exact text of each value). Refusals: a store in use, a non-empty
 * target, corrupt, truncated and foreign files, each with its code and nothing changed.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-backup-'));
const password = testPassword();
const store = (name: string) => ({ dataDir: path.join(root, name), heap: '512m' });

async function start(name: string): Promise<{ server: EmbeddedNeo4j; executor: Executor; close(): Promise<void> }> {
  const server = await startEmbeddedNeo4j({ boltPort: 0, dataDir: store(name).dataDir, heap: '512m', pageCache: '64m', password });
  const executor = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 60_000, logger: testLogger });
  await executor.waitUntilReachable();
  return {
    server,
    executor,
    async close() {
      await executor.close();
      await server.stop();
    },
  };
}

type Fingerprint = { nodes: string[]; rels: string[]; exact: string[] };
const sortedProps = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).sort(([a], [b]) => a.localeCompare(b)));

/** The whole graph, order-free, with element ids left out (a restore gives new ones). */
async function fingerprint(executor: Executor): Promise<Fingerprint> {
  const nodes = await executor.read<{ labels: string[]; props: Record<string, unknown>; types: string[] }>(cypher('admin/graph-node-fingerprints'));
  const rels = await executor.read<{ props: Record<string, unknown>; types: string[] }>(cypher('admin/graph-relationship-fingerprints'));
  // Neo4j's own text of every value (exact past 2^53, nanoseconds, zones), node by node.
  const exact: string[] = [];
  await executor.stream<{ labels: string[]; props: unknown[] }>(cypher('admin/backup-export-nodes'), {}, (n) => {
    exact.push(JSON.stringify({ labels: [...n.labels].sort(), props: [...n.props].sort() }));
  });
  return {
    nodes: nodes.map((n) => JSON.stringify({ labels: [...n.labels].sort(), props: sortedProps(n.props), types: [...n.types].sort() })).sort(),
    rels: rels.map((r) => JSON.stringify({ ...r, props: sortedProps(r.props), types: [...r.types].sort() })).sort(),
    exact: exact.sort(),
  };
}

async function count(executor: Executor): Promise<number> {
  return (await executor.read<{ nodes: number }>(cypher('admin/count-nodes')))[0].nodes;
}

const dumpFile = path.join(root, 'original.dump');
const logicalFile = path.join(root, 'original.jsonl.gz');
let original: Fingerprint;

beforeAll(async () => {
  const a = await start('a');
  try {
    await applySchema(a.executor);
    await loadSeeds(a.executor, TEST_PSEUDONYM_KEY);
    await a.executor.write(cypher('test-probe/backup-typed-values'));
    original = await fingerprint(a.executor);
    // The logical export reads a running server; the dump needs it stopped.
    await exportLogical(a.executor, logicalFile);
    await expect(dumpStore(store('a'), dumpFile)).rejects.toMatchObject({ code: 'BACKUP_STORE_IN_USE' });
    expect(fs.existsSync(dumpFile)).toBe(false);
  } finally {
    await a.close();
  }
  await dumpStore(store('a'), dumpFile);
}, SERVER_START_MS);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

test('the original graph holds the seeds and a value of each carried type', () => {
  expect(original.nodes.length).toBeGreaterThan(500);
  expect(original.rels.length).toBeGreaterThan(1000);
  const probe = original.nodes.find((n) => n.includes('backup-probe-a'))!;
  for (const type of ['INTEGER', 'FLOAT', 'BOOLEAN', 'DATE', 'ZONED DATETIME', 'LOCAL DATETIME', 'LOCAL TIME', 'ZONED TIME', 'DURATION', 'LIST<INTEGER NOT NULL>', 'LIST<FLOAT NOT NULL>', 'LIST<NOTHING>']) {
    expect(probe).toContain(`: ${type}`);
  }
  expect(original.exact.find((n) => n.includes('backup-probe-a'))).toContain('"9007199254740993"');
});

test('embedded: the Neo4j dump loads into a new store and gives an identical graph', async () => {
  expect(storeHasDatabase(store('b').dataDir)).toBe(false);
  await loadStore(store('b'), dumpFile);
  expect(storeHasDatabase(store('b').dataDir)).toBe(true);
  const b = await start('b');
  try {
    expect(await fingerprint(b.executor)).toEqual(original);
    // While it runs, neither an offline load nor a logical restore may touch it.
    await expect(loadStore(store('b'), dumpFile)).rejects.toMatchObject({ code: 'BACKUP_STORE_IN_USE' });
    await expect(restoreLogical(b.executor, logicalFile)).rejects.toMatchObject({ code: 'BACKUP_TARGET_NOT_EMPTY' });
    expect(await count(b.executor)).toBe(original.nodes.length);
  } finally {
    await b.close();
  }
}, SERVER_START_MS);

test('embedded: a corrupt or truncated dump is refused and the store stays as it was', async () => {
  const garbage = path.join(root, 'garbage.dump');
  fs.writeFileSync(garbage, Buffer.alloc(64 * 1024, 7));
  await expect(loadStore(store('b'), garbage)).rejects.toMatchObject({ code: 'BACKUP_FILE_INVALID' });
  const truncated = path.join(root, 'truncated.dump');
  const whole = fs.readFileSync(dumpFile);
  fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
  await expect(loadStore(store('b'), truncated)).rejects.toMatchObject({ code: 'BACKUP_RESTORE_FAILED' });
  // A logical export is gzip, like the old TAR+GZIP dumps, so it passes neo4j-admin's header
  // check and fails in the load proper, which is rolled back (npm run restore never sends one there).
  await expect(loadStore(store('b'), logicalFile)).rejects.toMatchObject({ code: 'BACKUP_RESTORE_FAILED' });
  expect(fs.readdirSync(path.join(store('b').dataDir, 'data', 'databases')).filter((f) => f.includes('before-restore'))).toEqual([]);
  const b = await start('b');
  try {
    expect(await fingerprint(b.executor)).toEqual(original);
  } finally {
    await b.close();
  }
}, SERVER_START_MS);

test('logical: a bad file is refused with its code and nothing is written; the export restores into an empty server identically', async () => {
  expect(await isLogicalExport(logicalFile)).toBe(true);
  expect(await isLogicalExport(dumpFile)).toBe(false);
  const lines = zlib.gunzipSync(fs.readFileSync(logicalFile)).toString('utf8').trimEnd().split('\n');
  const header = JSON.parse(lines[0]);
  expect(header).toMatchObject({ format: 'breach-impact-logical-backup', version: 1, counts: { nodes: original.nodes.length, relationships: original.rels.length }, schema: schemaObjectNames() });
  const bad = (name: string, content: Buffer) => {
    const file = path.join(root, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const gz = (text: string) => zlib.gzipSync(Buffer.from(text));
  const whole = fs.readFileSync(logicalFile);
  const cases: Array<[string, string]> = [
    [path.join(root, 'missing.jsonl.gz'), 'BACKUP_FILE_NOT_FOUND'],
    [bad('not-gzip.jsonl.gz', Buffer.from('{"format":"breach-impact-logical-backup"}\n')), 'BACKUP_FILE_INVALID'],
    [bad('cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.7))), 'BACKUP_FILE_INVALID'],
    [bad('lines-missing.jsonl.gz', gz(lines.slice(0, -5).join('\n'))), 'BACKUP_FILE_INVALID'],
    [bad('bad-type.jsonl.gz', gz([lines[0], '{"n":"x","l":["A"],"p":[["k","POINT NOT NULL","point({x: 1, y: 2})"]]}'].join('\n'))), 'BACKUP_FILE_INVALID'],
    [bad('other-format.jsonl.gz', gz('{"format":"something-else","version":1}\n')), 'BACKUP_FILE_INVALID'],
    [bad('future.jsonl.gz', gz([JSON.stringify({ ...header, version: 2 }), ...lines.slice(1)].join('\n'))), 'BACKUP_FORMAT_UNSUPPORTED'],
    [dumpFile, 'BACKUP_FILE_INVALID'],
  ];
  const c = await start('c');
  try {
    for (const [file, code] of cases) {
      await expect(restoreLogical(c.executor, file)).rejects.toMatchObject({ code });
      expect(await count(c.executor)).toBe(0);
    }
    // The schema is applied by the restore, not beforehand: nothing was written, not even that.
    const indexes = await c.executor.read<{ name: string }>(cypher('admin/ready-schema'));
    expect(indexes.map((i) => i.name)).not.toContain('organization_id_unique');

    await restoreLogical(c.executor, logicalFile);
    expect(await fingerprint(c.executor)).toEqual(original);
    const restoredIndexes = (await c.executor.read<{ name: string }>(cypher('admin/ready-schema'))).map((i) => i.name);
    expect(restoredIndexes).toEqual(expect.arrayContaining(schemaObjectNames()));
    expect(restoredIndexes).not.toContain('backup_restore_node_id');

    // Not empty any more: refused without --force; with it, replaced by the same graph again.
    await expect(restoreLogical(c.executor, logicalFile)).rejects.toMatchObject({ code: 'BACKUP_TARGET_NOT_EMPTY' });
    await c.executor.write(cypher('test-probe/backup-typed-values'));
    await restoreLogical(c.executor, logicalFile, { force: true });
    expect(await fingerprint(c.executor)).toEqual(original);

    // And the export of the restored graph carries the same counts (a second round trip starts from here).
    const again = path.join(root, 'again.jsonl.gz');
    await expect(exportLogical(c.executor, logicalFile)).rejects.toMatchObject({ code: 'BACKUP_FILE_EXISTS' });
    const result = await exportLogical(c.executor, again);
    expect(result).toMatchObject({ nodes: original.nodes.length, relationships: original.rels.length });
  } finally {
    await c.close();
  }
}, SERVER_START_MS);
