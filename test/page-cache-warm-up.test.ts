import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4jDriver from 'neo4j-driver';
import { cypher } from '../src/db/cypher-files';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/db/embedded';
import { SERVER_START_MS, seedServer, testPassword } from './harness';

/**
 * The launcher's page-cache warm-up (#13: the first export at national size read its pages from
 * disk one at a time, 46.2 and 35.4 s cold against 19.1-26.3 s warm). On a store of the test's
 * own (schema and the seeded public record), restarted: without the warm-up, reading every node
 * and property faults pages into Neo4j's page cache; with it, once it reports done, the same read
 * faults none. Counted by Neo4j itself (the transaction's page faults), never timed.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-warm-up-'));
const dataDir = path.join(root, 'store');
const password = testPassword();

const start = (warmPageCache: boolean) => startEmbeddedNeo4j({ boltPort: 0, dataDir, heap: '512m', pageCache: '64m', password, warmPageCache });

/**
 * Page hits and faults of a transaction that read every node with its properties, as Neo4j
 * counts them for it (SHOW TRANSACTIONS, asked from another session while it is still open).
 */
async function faultsReadingEverything(server: EmbeddedNeo4j): Promise<{ faults: number; hits: number; nodes: number }> {
  const driver = neo4jDriver.driver(server.uri, neo4jDriver.auth.basic(server.auth.user, server.auth.password));
  const reader = driver.session({ defaultAccessMode: neo4jDriver.session.READ });
  const probe = driver.session({ defaultAccessMode: neo4jDriver.session.READ });
  const tx = await reader.beginTransaction({ metadata: { probe: 'page-cache-warm-up' } });
  try {
    const nodes = (await tx.run(cypher('admin/graph-node-fingerprints').text)).records.length;
    const res = await probe.run('SHOW TRANSACTIONS YIELD metaData, pageHits, pageFaults WHERE metaData.probe = $probe RETURN pageHits, pageFaults', { probe: 'page-cache-warm-up' });
    if (res.records.length !== 1) throw new Error(`the probe transaction is not listed once: ${res.records.length} rows`);
    return { hits: Number(res.records[0].get('pageHits')), faults: Number(res.records[0].get('pageFaults')), nodes };
  } finally {
    await tx.rollback();
    await reader.close();
    await probe.close();
    await driver.close();
  }
}

beforeAll(async () => {
  const server = await start(false);
  try {
    await seedServer(server.uri, server.auth);
  } finally {
    await server.stop();
  }
}, SERVER_START_MS);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('without the warm-up, a restarted store reads its pages from disk: the read misses the page cache', async () => {
  const server = await start(false);
  try {
    expect(await server.warmUp).toBeNull();
    const read = await faultsReadingEverything(server);
    expect(read.nodes).toBeGreaterThan(100);
    expect(read.faults).toBeGreaterThan(0);
  } finally {
    await server.stop();
  }
}, SERVER_START_MS);

test('with it, once it reports done, the whole store is in the page cache: the same read misses nothing', async () => {
  const server = await start(true);
  try {
    const outcome = await server.warmUp;
    // The store (a few MB) fits well inside 64 MB: every mapped file read, not stopped at 90 %.
    expect(outcome).toEqual(expect.objectContaining({ full: false, pages: expect.any(Number) }));
    if (outcome === null || 'failed' in outcome) throw new Error(`warm-up did not report done: ${JSON.stringify(outcome)}`);
    expect(outcome.pages).toBeGreaterThan(0);
    expect(outcome.files).toBe(outcome.of);
    expect(outcome.bytes).toBe(outcome.pages * 8192);
    const read = await faultsReadingEverything(server);
    expect(read.nodes).toBeGreaterThan(100);
    expect(read.hits).toBeGreaterThan(0);
    expect(read.faults).toBe(0);
  } finally {
    await server.stop();
  }
}, SERVER_START_MS);
