import crypto from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../src/config/config';
import { App, startApp } from '../src/api/server/app';
import { createTokenVerifier } from '../src/auth/verify-token';
import { createRequestContext } from '../src/api/context';
import { exportStream, prepareExport } from '../src/api/export/affected-contracts-export';
import { CSV_COLUMNS } from '../src/api/export/mailing-rows';
import { EXPORT_HEAP_GROWTH_PERCENT, heapGrowthInForce } from '../src/config/heap-growth';
import { loadPaths } from '../src/api/require';
import { affectedContractBatches } from '../src/domain/contract/affected-contracts-export';
import type { Executor } from '../src/db/executor';
import { TEST_JWT_SECRET, testAuthConfig, testExecutor, testServices } from './harness';
import { token } from './tokens';

/**
 * The mailing export (issue #13 §3), over HTTP against the seeded graph: its rows are
 * `affectedContracts` walked page by page, confined to the token's insurer, refused to every other
 * role with the catalogue's status and code, audited once with its row count, and marked complete
 * by its end line only. Batches of 3 contracts, so the keyset paging crosses many boundaries.
 */
const EXPORT_FIELD = 'GET /export/affected-contracts';
const LMG = 'org-la-mutuelle-generale';
const ALAN = 'org-alan';
const ALMERYS = 'breach-almerys-2024';
const VIAMEDIS = 'breach-viamedis-2024';

let app: App;
let executor: Executor;
beforeAll(async () => {
  executor = testExecutor();
  app = await startApp(
    { ...loadConfig({}), port: 0 },
    { ...testServices(executor), exportBatchSize: 3 },
    createTokenVerifier(testAuthConfig, { jwtSecret: new TextEncoder().encode(TEST_JWT_SECRET) }),
  );
});
afterAll(async () => {
  await app.close();
  await executor.close();
});

/** A fresh subject per call, so each test finds its own audit records. */
const subject = () => `export-test-${crypto.randomUUID()}`;

async function insurerToken(org: string, sub = subject()): Promise<string> {
  return token({ role: 'INSURER', org, subject: sub });
}

function exportUrl(params: Record<string, string>): string {
  return `${app.url}/export/affected-contracts?${new URLSearchParams(params)}`;
}

async function get(params: Record<string, string>, bearer?: string): Promise<Response> {
  return fetch(exportUrl(params), { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
}

async function graphql<T = any>(query: string, variables: Record<string, unknown>, bearer: string): Promise<{ data: T; errors?: any[] }> {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data: T; errors?: any[] };
}

const PAGE = `query Page($breachId: ID!, $after: String) {
  affectedContracts(breachId: $breachId, first: 20, after: $after) {
    edges { node {
      contract { id number startDate endDate }
      beneficiaryCount dependantCount clientBasis
      paths { basis operator { id } partner { id } }
      exposedCategories { id name }
      exposures { category { id name } status scope scopeNote confidence }
    } }
    pageInfo { hasNextPage endCursor }
    referenceDate
  }
}`;

/** Every affected contract of the token's insurer, walked page by page through GraphQL. */
async function walkPages(breachId: string, bearer: string): Promise<{ nodes: any[]; referenceDate: string }> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: { data: any; errors?: any[] } = await graphql(PAGE, { breachId, after }, bearer);
    expect(errors).toBeUndefined();
    nodes.push(...data.affectedContracts.edges.map((e: any) => e.node));
    if (!data.affectedContracts.pageInfo.hasNextPage) return { nodes, referenceDate: data.affectedContracts.referenceDate };
    after = data.affectedContracts.pageInfo.endCursor;
  }
}

/** Records of the export in the audit trail for one subject (or those `keep` keeps). */
async function exportRecords(sub: string | ((e: any) => boolean)): Promise<any[]> {
  const admin = await token({ role: 'ADMIN' });
  const { data, errors } = await graphql('query($f: String) { auditEvents(field: $f, limit: 500) { subject role orgId field path arguments rows outcome code reason } }', { f: EXPORT_FIELD }, admin);
  expect(errors).toBeUndefined();
  return data.auditEvents.filter(typeof sub === 'string' ? (e: any) => e.subject === sub : sub);
}

/** The audit record is written before the end line, but a refusal's answer may leave first: wait for it. */
async function eventually<T>(read: () => Promise<T[]>, count: number): Promise<T[]> {
  for (let i = 0; ; i += 1) {
    const rows = await read();
    if (rows.length >= count || i >= 50) return rows;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const CSV_END = /^#END rows=(\d+) contracts=(\d+) breach=(\S+) referenceDate=(\S+)$/;

/** A CSV export split into header, data records and the end line. */
function parseCsv(text: string): { header: string[]; records: Array<Record<string, string>>; end: RegExpExecArray | null } {
  const lines = text.split('\n');
  expect(lines.pop()).toBe(''); // the file ends with a line break
  const end = CSV_END.exec(lines[lines.length - 1] ?? '');
  const body = parse(text, { comment: '#', relax_column_count: false }) as string[][];
  const [header, ...rows] = body;
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), end };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const listOf = (cell: string) => (cell === '' ? [] : cell.split(' | '));

describe.each([
  [LMG, ALMERYS],
  [LMG, VIAMEDIS],
  [ALAN, ALMERYS],
])('%s, %s: the CSV rows are affectedContracts walked page by page', (org, breachId) => {
  it('has the same contracts, beneficiaries, paths and exposures, and a true end line', async () => {
    const bearer = await insurerToken(org);
    const { nodes, referenceDate } = await walkPages(breachId, bearer);
    expect(nodes.length).toBeGreaterThan(3); // more than one batch
    const res = await get({ breachId }, bearer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="affected-contracts_${breachId}_${org}_${referenceDate}.csv"`);
    expect(res.headers.get('x-export-reference-date')).toBe(referenceDate);
    const text = await res.text();
    const { header, records, end } = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(end).not.toBeNull();
    expect(end!.slice(1)).toEqual([String(records.length), String(nodes.length), breachId, referenceDate]);

    // Contracts in the same order (contract id), each with one row per beneficiary.
    const contractIds = [...new Set(records.map((r) => r.contract_id))];
    expect(contractIds).toEqual(nodes.map((n) => n.contract.id));
    for (const n of nodes) {
      const rows = records.filter((r) => r.contract_id === n.contract.id);
      expect(rows).toHaveLength(Math.max(1, n.beneficiaryCount));
      const roles = rows.map((r) => r.beneficiary_role);
      expect([n.contract.id, roles.filter((r) => r === 'DEPENDANT').length, roles.filter((r) => r === 'HOLDER').length]).toEqual([n.contract.id, n.dependantCount, n.beneficiaryCount - n.dependantCount]);
      for (const r of rows) {
        // Pseudonymous keys only: never a NIR (13 to 15 digits), always the stored pseudonym.
        expect(r.beneficiary_key).toMatch(/^nir:[0-9a-f]{64}$/);
        expect(r).toMatchObject({
          contract_number: n.contract.number,
          contract_start: n.contract.startDate,
          contract_end: n.contract.endDate ?? '',
          // The API's clientBasis (the dashboard's badge) and the export's are one rule's answer.
          client_basis: n.clientBasis,
        });
        expect(n.clientBasis).toBe(n.contract.endDate === null || n.contract.endDate >= referenceDate ? 'ACTIVE' : 'FORMER');
        expect(sorted(listOf(r.operators))).toEqual(sorted(new Set(n.paths.map((p: any) => p.operator.id))));
        expect(sorted(listOf(r.partners))).toEqual(sorted(new Set(n.paths.flatMap((p: any) => (p.partner ? [p.partner.id] : [])))));
        expect(sorted(listOf(r.path_basis))).toEqual(sorted(new Set(n.paths.map((p: any) => p.basis))));
        expect(listOf(r.paths)).toHaveLength(n.paths.length);
        expect(listOf(r.exposed_categories)).toEqual(n.exposedCategories.map((c: any) => c.id));
        expect(listOf(r.exposures)).toEqual(n.exposures.map((x: any) => `${x.category.id} ${x.status} ${x.scope} ${x.confidence}`));
        // The same, named, with the caveats' text (the JSON lines' scopeNote).
        expect(listOf(r.exposed_category_names)).toEqual(n.exposedCategories.map((c: any) => c.name));
        expect(listOf(r.exposure_category_names)).toEqual(n.exposures.map((x: any) => x.category.name));
        expect(listOf(r.exposure_caveats)).toEqual(n.exposures.filter((x: any) => x.scopeNote).map((x: any) => `${x.category.name}: ${x.scopeNote}`));
      }
    }
    // Each person once per contract.
    expect(new Set(records.map((r) => `${r.contract_id} ${r.beneficiary_key}`)).size).toBe(records.length);
  });
});

test('the JSON lines variant holds the same rows as the CSV, with structured paths and caveats, and an end object', async () => {
  const bearer = await insurerToken(LMG);
  const csv = parseCsv(await (await get({ breachId: VIAMEDIS }, bearer)).text());
  const res = await get({ breachId: VIAMEDIS, format: 'jsonl' }, bearer);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  const lines = (await res.text()).split('\n');
  expect(lines.pop()).toBe('');
  const objects = lines.map((l) => JSON.parse(l));
  const end = objects.pop();
  expect(objects.every((o) => o.type === 'row')).toBe(true);
  expect(end).toMatchObject({ type: 'end', complete: true, rows: objects.length, contracts: Number(csv.end![2]), breachId: VIAMEDIS });
  expect(objects.map((o) => [o.contractId, o.beneficiaryKey, o.beneficiaryRole, o.clientBasis])).toEqual(csv.records.map((r) => [r.contract_id, r.beneficiary_key || null, r.beneficiary_role || null, r.client_basis]));
  for (const o of objects) {
    expect(o.paths.length).toBeGreaterThan(0);
    for (const p of o.paths) expect(Object.keys(p).sort()).toEqual(['basis', 'flowId', 'operatorId', 'partnerId']);
    for (const x of o.exposures) expect(Object.keys(x).sort()).toEqual(['categoryId', 'confidence', 'scope', 'scopeNote', 'sourceUrl', 'status']);
  }
  // Viamedis's member number is stated exposed for some insurers only: a caveat the rows carry.
  expect(objects.some((o) => o.exposures.some((x: any) => x.scope !== 'ALL' || x.status !== 'EXPOSED'))).toBe(true);
});

test('an insurer exports its own rows only; another insurer’s never appear, and the tenant is no parameter', async () => {
  const lmg = await insurerToken(LMG);
  const alan = await insurerToken(ALAN);
  const lmgIds = new Set(parseCsv(await (await get({ breachId: ALMERYS }, lmg)).text()).records.map((r) => r.contract_id));
  const alanIds = new Set(parseCsv(await (await get({ breachId: ALMERYS }, alan)).text()).records.map((r) => r.contract_id));
  const alanPages = new Set((await walkPages(ALMERYS, alan)).nodes.map((n) => n.contract.id));
  expect(alanIds.size).toBeGreaterThan(0);
  expect([...lmgIds].filter((id) => alanIds.has(id) || alanPages.has(id))).toEqual([]);
  const res = await get({ breachId: ALMERYS, insurerId: ALAN }, lmg);
  expect(res.status).toBe(400);
  expect(((await res.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/"insurerId".*never a parameter/) });
});

test('exactly one audit record per export, with its row count', async () => {
  const sub = subject();
  const bearer = await insurerToken(LMG, sub);
  const text = await (await get({ breachId: ALMERYS, format: 'csv' }, bearer)).text();
  const rows = parseCsv(text).records.length;
  const records = await eventually(() => exportRecords(sub), 1);
  expect(records).toEqual([
    expect.objectContaining({ role: 'INSURER', orgId: LMG, field: EXPORT_FIELD, path: 'export', rows, outcome: 'READ', code: null, reason: null }),
  ]);
  expect(JSON.parse(records[0].arguments)).toEqual({ breachId: ALMERYS, format: 'csv' });
});

describe('refusals: the catalogue status and code before any byte, each audited', () => {
  it.each([
    ['REGULATOR', 403, 'FORBIDDEN'],
    ['ANALYST', 403, 'FORBIDDEN'],
    ['ADMIN', 403, 'FORBIDDEN'],
  ] as const)('%s is refused (%i %s)', async (role, status, code) => {
    const sub = subject();
    const res = await get({ breachId: ALMERYS }, await token({ role, subject: sub }));
    expect(res.status).toBe(status);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe(code);
    expect(await eventually(() => exportRecords(sub), 1)).toEqual([expect.objectContaining({ role, outcome: 'REFUSED', code, rows: null })]);
  });

  it('no token is 401 UNAUTHENTICATED, audited as anonymous', async () => {
    // A breach id of its own, to find this attempt's record: the role is refused before the breach is looked up.
    const breachId = `breach-anonymous-${crypto.randomUUID()}`;
    const res = await get({ breachId });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const records = await eventually(() => exportRecords((e) => e.arguments.includes(breachId)), 1);
    expect(records).toEqual([expect.objectContaining({ role: 'anonymous', subject: 'anonymous', outcome: 'REFUSED', code: 'UNAUTHENTICATED' })]);
  });

  it('a bad token is 401 UNAUTHENTICATED', async () => {
    const res = await get({ breachId: ALMERYS }, 'not.a.token');
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('an INSURER token whose org is no insurer is 403 FORBIDDEN', async () => {
    const sub = subject();
    const res = await get({ breachId: ALMERYS }, await token({ role: 'INSURER', org: 'org-viamedis', subject: sub }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await eventually(() => exportRecords(sub), 1)).toEqual([expect.objectContaining({ outcome: 'REFUSED', code: 'FORBIDDEN' })]);
  });

  it.each([
    [{ breachId: 'breach-nope' }, 404, 'NOT_FOUND', undefined],
    [{}, 400, 'BAD_USER_INPUT', 'breachId'],
    [{ breachId: ALMERYS, format: 'xlsx' }, 400, 'BAD_USER_INPUT', 'format'],
    [{ breachId: ALMERYS, asOf: '2024-02-30' }, 400, 'BAD_USER_INPUT', 'asOf'],
    [{ breachId: ALMERYS, format: 'jsonl', bom: 'true' }, 400, 'BAD_USER_INPUT', 'bom'],
  ] as Array<[Record<string, string>, number, string, string | undefined]>)('%j is %i %s', async (params, status, code, argument) => {
    const sub = subject();
    const res = await get(params, await insurerToken(LMG, sub));
    expect(res.status).toBe(status);
    const error = ((await res.json()) as any).errors[0];
    expect(error.extensions.code).toBe(code);
    if (argument) expect(error.message).toContain(`"${argument}"`);
    expect(await eventually(() => exportRecords(sub), 1)).toEqual([expect.objectContaining({ outcome: 'REFUSED', code, rows: null })]);
  });
});

test('bom=true starts the CSV with a UTF-8 byte-order mark, for Excel', async () => {
  // Bytes, not res.text(): a text decoder drops the mark it reads.
  const bytes = Buffer.from(await (await get({ breachId: ALMERYS, bom: 'true' }, await insurerToken(LMG))).arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(parseCsv(bytes.subarray(3).toString('utf8')).header).toEqual([...CSV_COLUMNS]);
});

test('a client that goes away mid-export: the stream stops, and one record says so with the rows handed over', async () => {
  const sub = subject();
  const ctx = createRequestContext(testServices(executor), { kind: 'user', subject: sub, role: 'INSURER', orgId: LMG });
  const query = { breachId: ALMERYS };
  const prepared = await prepareExport(ctx, query, { batchSize: 1 });
  const { stream, done } = exportStream(ctx, query, prepared);
  const chunks: string[] = [];
  for await (const chunk of stream) {
    chunks.push(String(chunk));
    // While it streams, the process's heap growth is held (see holdHeapGrowth).
    expect(heapGrowthInForce()).toBe(EXPORT_HEAP_GROWTH_PERCENT);
    if (chunks.length === 3) break; // header and two batches of one contract; breaking destroys the stream
  }
  const outcome = await done;
  // An abort releases the hold: the rest of the API's work is back on V8's own factor.
  expect(heapGrowthInForce()).toBe(0);
  expect(outcome.ending).toBe('aborted');
  expect(outcome.contracts).toBeGreaterThanOrEqual(2);
  expect(chunks.join('')).not.toMatch(/#END/);
  const records = await exportRecords(sub);
  expect(records).toEqual([expect.objectContaining({ outcome: 'READ', rows: outcome.rows, code: null, reason: expect.stringMatching(/^aborted by the client after \d+ rows/) })]);
});

test('a failure mid-export errors the stream, writes no end line, and is audited with its code', async () => {
  const sub = subject();
  const ctx = createRequestContext(testServices(executor), { kind: 'user', subject: sub, role: 'INSURER', orgId: LMG });
  const query = { breachId: ALMERYS };
  const prepared = await prepareExport(ctx, query, { batchSize: 2 });
  // The next batches come from a statement Neo4j refuses (a reference date that is no date): a real failure.
  const { paths } = await loadPaths(ctx, { breachId: ALMERYS, asOf: null });
  const failing = affectedContractBatches(executor, { tenant: LMG, referenceDate: 'not-a-date', paths, batchSize: 2 });
  const { stream, done } = exportStream(ctx, query, { ...prepared, batches: failing });
  const chunks: string[] = [];
  await expect(
    (async () => {
      for await (const chunk of stream) chunks.push(String(chunk));
    })(),
  ).rejects.toMatchObject({ extensions: { code: 'INTERNAL' } });
  expect((await done).ending).toBe('failed');
  expect(heapGrowthInForce()).toBe(0);
  expect(chunks.join('')).not.toMatch(/#END/);
  expect(await exportRecords(sub)).toEqual([expect.objectContaining({ outcome: 'READ', code: 'INTERNAL', reason: expect.stringMatching(/^failed after \d+ rows/) })]);
});
