import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { syntheticNir } from '../src/identity/nir';
import { buildDist } from './build-dist';
import { childEnv, runCli, startCli } from './cli-child';
import { SERVER_START_MS, startPrivateNeo4j, TEST_PSEUDONYM_KEY, testLogger } from './harness';

/**
 * Issue #14 §1: "an import with 8 of 9 rows rejected exits 0", "`import --dir` over 388 files
 * scrolls 388 summaries with no 'file n of 388'", "Ctrl-C during an import says nothing of what
 * was committed". The import CLI is run as `npm run import` runs it (`node dist/cli/import-cli.js`)
 * against a seeded Neo4j of the test's own (imports add contracts other test files count), and
 * its exit code and output are checked: 2 and a one-line summary when rows were rejected, an
 * `n/N` counter on each file of a `--dir`, and on SIGINT exit 130 naming the rows committed.
 */
let neo4j: Awaited<ReturnType<typeof startPrivateNeo4j>>;
let executor: Executor;
let work: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  buildDist();
  neo4j = await startPrivateNeo4j();
  executor = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 60_000, logger: testLogger });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-import-cli-'));
  env = childEnv({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.auth.user,
    NEO4J_PASSWORD: neo4j.auth.password,
    SECRETS_DIR: path.join(work, 'secrets'),
    // The key the private Neo4j was seeded with, so imported people match the seeded ones.
    PSEUDONYM_KEY: TEST_PSEUDONYM_KEY.toString('utf8'),
  });
}, SERVER_START_MS);

afterAll(async () => {
  await executor?.close();
  await neo4j?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, SERVER_START_MS);

const HEADER = 'contract_number,nir,role,product,operator,network,start_date,end_date';

/** `n` good rows, one holder per contract (so rows = contracts): numbers `<prefix>-1` … `<prefix>-n`. */
function goodRows(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i + 1},${syntheticNir(`${prefix}-${i + 1}`)},HOLDER,Santé,org-almerys,,2019-01-01,`);
}

/** Writes a CSV file (header, then rows) under `dir` and returns its path. */
function csv(dir: string, name: string, rows: string[]): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
  return file;
}

/** How many contracts of `insurer` whose number starts with `prefix` the database holds. */
async function contractsIn(insurer: string, prefix: string): Promise<number> {
  const rows = await executor.read<{ props: Record<string, unknown> }>(cypher('admin/all-properties'));
  return rows.filter((r) => typeof r.props.id === 'string' && (r.props.id as string).startsWith(`${insurer}:${prefix}-`)).length;
}

test('rows rejected: good rows load, the run exits 2 with a one-line summary naming the count, and the rejects file holds them', async () => {
  const file = csv(path.join(work, 'rejects'), 'portfolio.csv', [
    ...goodRows('REJ', 3),
    `REJ-BAD-1,123456789012345,HOLDER,Santé,org-almerys,,2019-01-01,`,
    `REJ-BAD-2,${syntheticNir('rej-bad-2')},CHILD,Santé,org-almerys,,2019-01-01,`,
  ]);
  const run = await runCli('import-cli.js', ['--insurer', 'org-alan', file], env);
  expect(run.code).toBe(2);
  expect(run.stdout).toContain('imported 3 of 5 rows for org-alan');
  const summary = run.stderr.split('\n').filter((l) => /rows were rejected/.test(l));
  expect(summary).toEqual(['2 of 5 rows were rejected (see the .rejects.csv file beside each input); exit code 2']);
  expect(await contractsIn('org-alan', 'REJ')).toBe(3);
  const rejects = fs.readFileSync(`${file}.rejects.csv`, 'utf8').trim().split('\n');
  // A header, then the two refused rows (lines 5 and 6 of the file).
  expect(rejects).toHaveLength(3);
  expect(rejects.slice(1).map((l) => l.split(',')[0])).toEqual(['5', '6']);
});

test('--dir of three files: each file’s closing line starts with its n/3, in file order; no rejects, exit 0', async () => {
  const dir = path.join(work, 'dir-of-three');
  csv(dir, 'portfolio-org-aesio.csv', goodRows('DIR-A', 2));
  csv(dir, 'portfolio-org-amae.csv', goodRows('DIR-B', 3));
  csv(dir, 'portfolio-org-mutaero.csv', goodRows('DIR-C', 1));
  const run = await runCli('import-cli.js', ['--dir', dir], env);
  expect(run.code).toBe(0);
  const closing = run.stdout.split('\n').filter((l) => / imported \d+ of \d+ rows for /.test(l));
  expect(closing).toHaveLength(3);
  expect(closing[0]).toMatch(/^1\/3 imported 2 of 2 rows for org-aesio in /);
  expect(closing[1]).toMatch(/^2\/3 imported 3 of 3 rows for org-amae in /);
  expect(closing[2]).toMatch(/^3\/3 imported 1 of 1 rows for org-mutaero in /);
  expect(run.stdout).toMatch(/^all files: imported 6 rows, rejected 0, in /m);
  expect(run.stderr).not.toMatch(/rejected/);
});

test('SIGINT during a --dir import: exit 130, and the message names the rows committed so far, which are in the database', async () => {
  // Deterministic without timing: the signal is sent once the first file's closing line is out
  // (the handler is in place by then), while the second file still has 400 one-row batches, one
  // transaction each, to write. The batch in flight may commit or not: the database holds the
  // rows the message names, plus at most that one.
  const dir = path.join(work, 'interrupted');
  csv(dir, 'portfolio-org-la-mutuelle-generale.csv', goodRows('INT-A', 5));
  csv(dir, 'portfolio-org-malakoff-humanis.csv', goodRows('INT-B', 400));
  csv(dir, 'portfolio-org-mgp.csv', goodRows('INT-C', 5));
  let signalled = false;
  const { child, done } = startCli('import-cli.js', ['--dir', dir, '--batch-size', '1'], env, (stdout) => {
    if (signalled || !/^1\/3 imported 5 of 5 rows for org-la-mutuelle-generale/m.test(stdout)) return;
    signalled = true;
    child.kill('SIGINT');
  });
  const run = await done;
  expect(signalled).toBe(true);
  expect(run.code).toBe(130);
  expect(run.stdout).not.toMatch(/^2\/3 imported/m);
  const m = /import interrupted: ([\d,]+) rows committed so far \(whole batches; the batch in flight is not\)\. Run the same command again to complete it/.exec(run.stderr);
  expect(m).not.toBeNull();
  const told = Number(m![1].replace(/,/g, ''));
  expect(told).toBeGreaterThanOrEqual(5);
  expect(told).toBeLessThan(410);
  const inDatabase = (await contractsIn('org-la-mutuelle-generale', 'INT-A')) + (await contractsIn('org-malakoff-humanis', 'INT-B'));
  expect(inDatabase).toBeGreaterThanOrEqual(told);
  expect(inDatabase).toBeLessThanOrEqual(told + 1);
  expect(await contractsIn('org-mgp', 'INT-C')).toBe(0);
});
