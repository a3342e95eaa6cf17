import http from 'node:http';
import neo4j from 'neo4j-driver';
import { cypher } from '../../src/db/cypher-files';

const Q = {
  summary: cypher('bench/raw-summary'),
  contracts: cypher('bench/raw-contracts-page'),
  paths: cypher('bench/raw-impact-paths'),
  lineage: cypher('bench/raw-lineage'),
};
type Op = keyof typeof Q;

/** Turns driver values (Integer, Date) into JSON-ready ones, as any hand-written service must. */
function plain(v: unknown): unknown {
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (neo4j.isDate(v)) return v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** Shapes a statement's records into the answer the other servers give for the same operation. */
function answer(op: Op, records: Array<Record<string, unknown>>): unknown {
  if (op === 'summary') {
    const r = records[0];
    if (!r) return null;
    const names = new Map<string, string>([...(r.organizations as Array<{ id: string; name: string }>), ...(r.categories as Array<{ id: string; name: string }>)].map((o) => [o.id, o.name]));
    const agg = JSON.parse(r.aggregates as string) as Record<string, Array<{ id: string }>> & { people: number; contracts: number };
    const named = (rows: Array<{ id: string }>) => rows.map((x) => ({ ...x, name: names.get(x.id) ?? null }));
    return {
      referenceDate: r.referenceDate,
      totals: { people: agg.people, contracts: agg.contracts, insurers: agg.byInsurer.length },
      byInsurer: named(agg.byInsurer),
      byPartner: named([...agg.byOperator, ...agg.byNetwork]),
      byCategory: named(agg.byCategory),
    };
  }
  if (op === 'contracts') {
    const r = records[0];
    const slice = r?.slice ? (JSON.parse(r.slice as string) as { contracts: number }) : null;
    return { totalCount: slice?.contracts ?? 0, rows: r?.rows ?? [] };
  }
  if (op === 'lineage') return records[0] ?? null;
  // paths: the stored walk, each hop named.
  const r = records[0];
  if (!r) return [];
  type Named = { id: string; name: string; kind?: string };
  const index = (key: string) => new Map((r[key] as Named[]).map((x) => [x.id, x]));
  const systems = index('systems');
  const orgs = new Map([...index('organizations'), ...index('operators')]);
  const populations = index('populations');
  const categories = index('categories');
  const stored = JSON.parse(r.paths as string) as { paths: Array<Record<string, any>> };
  return stored.paths.map((p) => ({
    basis: p.basis,
    system: systems.get(p.systemId) ?? null,
    operator: orgs.get(p.operatorId) ?? null,
    partner: p.viaId ? (orgs.get(p.viaId) ?? null) : null,
    controller: orgs.get(p.controllerId) ?? null,
    population: populations.get(p.populationId) ?? null,
    flow: { id: p.flowId, validFrom: p.flowValidFrom, validTo: p.flowValidTo, retentionMonths: p.retentionMonths },
    exposedCategories: (p.exposedCategoryIds as string[]).map((id) => categories.get(id) ?? null),
  }));
}

/**
 * The raw-Cypher floor of the benchmark: one hand-written statement per operation, run through
 * the driver with no GraphQL, no authorisation and no audit; POST {op, params} answers JSON.
 * It deliberately bypasses our executor: the floor is what the database and driver alone cost.
 */
async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is required');
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? ''));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const { op, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { op: Op; params: Record<string, unknown> };
        const q = Q[op];
        if (!q) throw new Error(`unknown op ${op}`);
        // JSON numbers would reach Cypher as floats, which LIMIT refuses.
        const typed = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Number.isInteger(v) ? neo4j.int(v as number) : v]));
        const result = await driver.executeQuery(q.text, typed, { routing: neo4j.routing.READ });
        const body = JSON.stringify({ data: answer(op, result.records.map((r) => plain(r.toObject()) as Record<string, unknown>)) });
        res.writeHead(200, { 'content-type': 'application/json', 'x-cypher-round-trips': '1' });
        res.end(body);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: (e as Error).message }] }));
      }
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address() as { port: number };
    console.log(`READY http://127.0.0.1:${addr.port}/`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
