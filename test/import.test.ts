import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { syntheticNir } from '../src/identity/nir';
import { importPortfolio, RejectedRow } from '../src/domain/import/import-portfolio';
import { Api, as, EXACT_COUNTS, startApi, startPrivateNeo4j, TEST_PSEUDONYM_KEY, testLogger, SERVER_START_MS } from './harness';
import { expectEverySliceEqualsLive } from './insurer-slices';

/**
 * Portfolio import: validation with line numbers and reasons, good rows load while bad ones are
 * refused, idempotent re-runs, whole-file errors that write nothing, and the ADMIN mutation.
 * On a Neo4j of its own, since it adds contracts other test files count.
 */
let neo4j: Awaited<ReturnType<typeof startPrivateNeo4j>>;
let executor: Executor;
let api: Api;
beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  executor = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 60_000, logger: testLogger });
  // About counting after writes, not disclosure: a one-contract change is read exactly as REGULATOR (test/disclosure.test.ts covers the control).
  api = await startApi(neo4j, { disclosure: EXACT_COUNTS });
}, SERVER_START_MS);
afterAll(async () => {
  await api?.close();
  await executor?.close();
  await neo4j?.stop();
});

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../seeds/portfolio-sample.csv'), 'utf8');
const HEADER = 'contract_number,nir,role,product,operator,network,start_date,end_date';
const nir = (k: string) => syntheticNir(k);

async function contractsOf(insurerId: string) {
  const rows = await executor.read<{ props: Record<string, unknown> }>(cypher('admin/all-properties'));
  return rows.map((r) => r.props).filter((p) => typeof p.id === 'string' && (p.id as string).startsWith(`${insurerId}:`));
}

async function fingerprint(insurerId: string) {
  const contracts = await contractsOf(insurerId);
  return contracts.map((c) => JSON.stringify({ ...c, importedAt: undefined })).sort();
}

test('the sample file imports whole, and importing it again gives the same graph', async () => {
  const first = await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: 'org-mgp', source: SAMPLE });
  expect(first).toMatchObject({ rowsRead: 4, rowsLoaded: 4, rowsRejected: 0 });
  const before = await fingerprint('org-mgp');
  expect(before).toHaveLength(3);
  const again = await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: 'org-mgp', source: SAMPLE });
  expect(again.rowsLoaded).toBe(4);
  expect(await fingerprint('org-mgp')).toEqual(before);
});

test('imported contracts are reached by the breach and listed for the insurer, without NIRs stored', async () => {
  const { data, errors } = await api.run('{ affectedContracts(breachId: "breach-almerys-2024") { totalCount edges { node { contract { number synthetic } beneficiaryCount } } } }', undefined, as('INSURER', 'org-mgp'));
  expect(errors).toBeUndefined();
  // SYN-MGP-000003 starts after the reference date (2024-02-02): not reached.
  expect(data.affectedContracts.edges.map((e: any) => e.node.contract.number).sort()).toEqual(['SYN-MGP-000001', 'SYN-MGP-000002']);
  expect(data.affectedContracts.edges.find((e: any) => e.node.contract.number === 'SYN-MGP-000001').node.beneficiaryCount).toBe(2);
  // The maintained every-tenant totals were refreshed by the import: they equal a live count.
  const stored = await api.run('{ breachImpact(breachId: "breach-almerys-2024") { referenceDate totals { contracts people } byInsurer { insurer { id } contracts } } }', undefined, as('REGULATOR'));
  const live = await api.run(`{ breachImpact(breachId: "breach-almerys-2024", asOf: "${stored.data.breachImpact.referenceDate}") { referenceDate totals { contracts people } byInsurer { insurer { id } contracts } } }`, undefined, as('REGULATOR'));
  expect(stored.data).toEqual(live.data);
  expect(stored.data.breachImpact.byInsurer.find((r: any) => r.insurer.id === 'org-mgp').contracts).toBe(2);
  const all = JSON.stringify(await executor.read(cypher('admin/all-properties')));
  for (const line of SAMPLE.split('\n').filter((l) => l.startsWith('SYN-'))) expect(all).not.toContain(line.split(',')[1]);
});

test('regression: after an import changes one insurer, every insurer’s stored slice equals its live tenant count', async () => {
  const before = await expectEverySliceEqualsLive(executor, ['org-cnil']);
  // The API process keeps parsed summaries across requests: read one now, so it is held.
  const totals = () => api.run('{ breachImpact(breachId: "breach-almerys-2024") { totals { contracts } } }', undefined, as('REGULATOR'));
  const held = (await totals()).data.breachImpact.totals.contracts;
  const csv = `${HEADER}\nSLICE-1,${nir('slice-1')},HOLDER,P,org-almerys,,2018-01-01,`;
  expect(await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: 'org-mutame-plus', source: csv })).toMatchObject({ rowsLoaded: 1 });
  const after = await expectEverySliceEqualsLive(executor, ['org-cnil']);
  // regression: the summary held by the process is dropped once the refresh changed its version.
  expect((await totals()).data.breachImpact.totals.contracts).toBe(held + 1);
  const k = 'org-mutame-plus|breach-almerys-2024';
  expect(after.get(k)).toMatchObject({ contracts: before.get(k)!.contracts + 1, people: before.get(k)!.people + 1 });
  // The refresh rewrote every slice; only the importing insurer's changed.
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [key, slice] of before) if (key !== k) expect({ key, slice: after.get(key) }).toEqual({ key, slice });
});

test('bad rows are refused with their line and reason (NIR masked) while good rows load', async () => {
  const csv = [
    HEADER,
    `BAD-1,${nir('k1').slice(0, 13)}00,HOLDER,P,org-almerys,,2020-01-01,`,
    `GOOD-1,${nir('k2')},HOLDER,P,org-almerys,,2020-01-01,`,
    `BAD-2,${nir('k3')},OWNER,P,org-almerys,,2020-01-01,`,
    `BAD-3,${nir('k4')},HOLDER,P,org-nowhere,,2020-01-01,`,
    `BAD-4,${nir('k5')},HOLDER,P,org-almerys,org-cnil,2020-01-01,`,
    `BAD-5,${nir('k6')},HOLDER,P,org-almerys,,2020-02-30,`,
    `BAD-6,${nir('k7')},HOLDER,P,org-almerys,,2020-01-01,2019-01-01`,
    `BAD 7,${nir('k8')},HOLDER,P,org-almerys,,2020-01-01,`,
    `GOOD-2,${nir('k10')},DEPENDANT,P,,,2021-01-01,`,
    // An unterminated quote runs to the end of the file, so it goes last.
    `"BAD-8,${nir('k9')},HOLDER`,
  ].join('\n');
  const rejects: RejectedRow[] = [];
  const summary = await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: 'org-mutuelle-lmp', source: csv, onReject: (r) => rejects.push(r) });
  expect(summary).toMatchObject({ rowsLoaded: 2, rowsRejected: 8 });
  const byLine = Object.fromEntries(rejects.map((r) => [r.line, r.reason]));
  expect(byLine[2]).toMatch(/key/i);
  expect(byLine[4]).toMatch(/HOLDER or DEPENDANT/);
  expect(byLine[5]).toMatch(/org-nowhere/);
  expect(byLine[6]).toMatch(/org-cnil/);
  expect(byLine[7]).toMatch(/2020-02-30/);
  expect(byLine[8]).toMatch(/before start_date/);
  expect(byLine[9]).toMatch(/contract_number/);
  expect(byLine[11]).toMatch(/unreadable CSV/);
  expect(Object.keys(byLine)).toHaveLength(8);
  expect(JSON.stringify(rejects)).not.toContain(nir('k3'));
  expect((await contractsOf('org-mutuelle-lmp')).map((c) => c.number).sort()).toEqual(['GOOD-1', 'GOOD-2']);
});

test.each([
  ['a wrong header', 'org-mutaero', 'contract,nir\nA,1', 'BAD_USER_INPUT', /header/],
  ['an unknown insurer', 'org-nope', SAMPLE, 'NOT_FOUND', /org-nope/],
  ['an organisation that is not an insurer', 'org-cnil', SAMPLE, 'BAD_USER_INPUT', /insurer role/],
])('%s stops the import before anything is written', async (_name, insurerId, csv, code, message) => {
  const before = await executor.read(cypher('admin/count-breaches'));
  await expect(importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId, source: csv })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  expect(await contractsOf(insurerId)).toEqual([]);
  expect(await executor.read(cypher('admin/count-breaches'))).toEqual(before);
});

test('ADMIN imports a small file through the API; other roles cannot', async () => {
  const csv = `${HEADER}\nAPI-1,${nir('api-1')},HOLDER,P,org-almerys,,2018-01-01,\nAPI-2,bad,HOLDER,P,org-almerys,,2018-01-01,`;
  const q = 'mutation($csv: String!) { importPortfolio(insurerId: "org-alan", csv: $csv) { rowsRead rowsLoaded rowsRejected rejections { line reason record } } }';
  const { data, errors } = await api.run(q, { csv }, as('ADMIN'));
  expect(errors).toBeUndefined();
  expect(data.importPortfolio).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsRejected: 1, rejections: [{ line: 3 }] });
  for (const principal of [as('INSURER', 'org-alan'), as('REGULATOR')]) {
    expect((await api.run(q, { csv }, principal)).errors![0].extensions?.code).toBe('FORBIDDEN');
  }
});

test('regression: a write failing mid-file stops the import with its error; only committed batches count as loaded', async () => {
  // A real failure, no mock: the import's own executor is closed once the first batch has
  // committed, so the second batch's transaction cannot start.
  const own = Executor.create({ uri: neo4j.uri, auth: neo4j.auth, queryTimeoutMs: 60_000, logger: testLogger });
  const source = new PassThrough();
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => `FAIL-${from + i},${nir(`fail-${from + i}`)},HOLDER,P,org-almerys,,2018-01-01,\n`).join('');
  const progress: Array<[number, number]> = [];
  let firstBatch: () => void = () => undefined;
  const committed = new Promise<void>((resolve) => (firstBatch = resolve));
  const run = importPortfolio({
    executor: own,
    pseudonymKey: TEST_PSEUDONYM_KEY,
    insurerId: 'org-amae',
    source,
    batchSize: 3,
    onProgress: (read, loaded) => {
      progress.push([read, loaded]);
      firstBatch();
    },
  });
  // Seven rows: one full batch written, and the second filling while it is written.
  source.write(`${HEADER}\n${rows(1, 4)}`);
  await committed;
  await own.close();
  source.end(rows(5, 6));
  await expect(run).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  expect(progress).toHaveLength(1);
  expect(progress[0][1]).toBe(3);
  expect((await contractsOf('org-amae')).map((c) => c.number).sort()).toEqual(['FAIL-1', 'FAIL-2', 'FAIL-3']);
});

test('regression #10: a NIR in the contract-number or product column is refused, and column-shifted rows leak no NIR in rejections', async () => {
  const leaked = [nir('k20'), nir('k21'), nir('k22'), nir('k23')];
  const spaced = (n: string) => `${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7, 10)} ${n.slice(10, 13)} ${n.slice(13)}`;
  const csv = [
    HEADER,
    // The NIR typed into the contract-number column, and into the product.
    `${leaked[0]},${nir('k24')},HOLDER,P,org-almerys,,2020-01-01,`,
    `NIR-IN-PRODUCT,${nir('k25')},HOLDER,Formule ${spaced(leaked[1])},org-almerys,,2020-01-01,`,
    // Column-shifted rows: the contract number is missing, or an extra column pushes the NIR right.
    `${leaked[2]},HOLDER,P,org-almerys,,2020-01-01,,`,
    `SHIFT-2,,${spaced(leaked[3])},HOLDER,P,org-almerys,,2020-01-01`,
  ].join('\n');
  const rejects: RejectedRow[] = [];
  const summary = await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: 'org-mgp', source: csv, onReject: (r) => rejects.push(r) });
  expect(summary).toMatchObject({ rowsRead: 4, rowsLoaded: 0, rowsRejected: 4 });
  const text = JSON.stringify(rejects).replace(/[^0-9A-Z]/gi, '');
  for (const n of leaked) expect(text).not.toContain(n.slice(0, 13));
  const stored = JSON.stringify(await contractsOf('org-mgp')).replace(/[^0-9A-Z]/gi, '');
  for (const n of leaked) expect(stored).not.toContain(n.slice(0, 13));
  // The same through the API: its rejections are masked too.
  const q = 'mutation($csv: String!) { importPortfolio(insurerId: "org-mgp", csv: $csv) { rowsLoaded rowsRejected rejections { line reason record } } }';
  const { data, errors } = await api.run(q, { csv }, as('ADMIN'));
  expect(errors).toBeUndefined();
  expect(data.importPortfolio).toMatchObject({ rowsLoaded: 0, rowsRejected: 4 });
  const answer = JSON.stringify(data).replace(/[^0-9A-Z]/gi, '');
  for (const n of leaked) expect(answer).not.toContain(n.slice(0, 13));
});
