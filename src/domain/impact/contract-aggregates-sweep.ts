import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { AggregatesRequest } from './impact.repository';
import type { ContractAggregatesWithTenantsRow, CountRow, TenantAggregatesRow } from './impact.rows';

const SWEEP = cypher('impact/contract-aggregates-sweep');

/**
 * People per sweep chunk. A chunk's memory in Neo4j is its distinct-count sets, about
 * (people × groups each person falls in); 100,000 keeps that to a few hundred megabytes with a
 * few national breaches, while a 10M-people graph takes a hundred round trips.
 */
export const SWEEP_CHUNK = 100_000;

/** A partial count from one chunk (see cypher/impact/contract-aggregates-sweep.cypher). */
interface GroupRow {
  req: string;
  tenant: string | null;
  dim: 'total' | 'insurer' | 'operator' | 'network' | 'category';
  id: string;
  people: number;
  contracts: number;
  insurers: string[];
}

/** Counts for one group, added up over chunks. */
interface Sum {
  people: number;
  contracts: number;
  insurers: Set<string>;
}

/** The qualifying path's fields the sweep's reach rule and grouping use, tagged with its request. */
interface SweepPath {
  req: string;
  d: string;
  operatorId: string;
  basis: string;
  // null: the controller is unknown (a broker's clients); the sweep then counts no insurer for the path.
  ins: string | null;
  via: string | null;
  cats: string[];
  validFrom: string | null;
  validTo: string | null;
  retentionMonths: number | null;
  /** The population's cut-off (ISO date), or null: reach/contract-reached reads it. */
  populationCutOff: string | null;
}

/**
 * Every-tenant contract totals for several requests, each with every insurer's own slice, exactly
 * as contract-aggregates.cypher counts them (everyone, and with each insurer as tenant), computed
 * by sweeping the people in id order, `chunk` at a time, and adding the chunks up. Unlike one
 * statement that collects a breach's every affected row, its memory does not grow with the
 * breach: this is what lets the summary refresh run on a 10-million-people graph. Requests are
 * answered in the order given, including those that reach nobody (all zeros). `onChunk` hears
 * how many people have been swept so far, after each chunk (a 10M sweep takes minutes).
 */
export async function contractAggregatesSweep(
  db: RequestDb,
  requests: AggregatesRequest[],
  { chunk = SWEEP_CHUNK, onChunk }: { chunk?: number; onChunk?: (swept: number) => void } = {},
): Promise<ContractAggregatesWithTenantsRow[]> {
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunk must be a positive integer, got ${chunk}`);
  const byPopulation: Record<string, SweepPath[]> = {};
  for (const r of requests) {
    for (const p of r.paths) {
      // One lookup per contract finds every request's paths to its population.
      (byPopulation[p.populationId] ??= []).push({
        req: r.key, d: r.referenceDate, operatorId: p.operatorId, basis: p.basis, ins: p.controllerId, via: p.viaId,
        cats: p.exposedCategoryIds, populationCutOff: p.populationCutOff, validFrom: p.flowValidFrom, validTo: p.flowValidTo, retentionMonths: p.retentionMonths,
      });
    }
  }
  // request → tenant ('' for every insurer) → dimension → group id → counts so far.
  const sums = new Map<string, Map<string, Map<string, Map<string, Sum>>>>();
  let after = '';
  let swept = 0;
  for (;;) {
    const [page] = await db.read<{ last: string | null; scanned: number; groups: GroupRow[] }>(SWEEP, { after, limit: chunk, byPopulation });
    for (const g of page.groups) {
      // Chunks hold disjoint people, and each contract counts in one chunk only: partial counts add.
      const group = child(child(child(sums, g.req), g.tenant ?? ''), g.dim);
      const sum = group.get(g.id) ?? { people: 0, contracts: 0, insurers: new Set<string>() };
      sum.people += g.people;
      sum.contracts += g.contracts;
      for (const i of g.insurers) sum.insurers.add(i);
      group.set(g.id, sum);
    }
    swept += page.scanned;
    onChunk?.(swept);
    // A short chunk is the last one; a person read again would be counted twice, so never step back.
    if (page.scanned < chunk || page.last === null) break;
    after = page.last;
  }
  return requests.map((r) => assemble(r.key, sums));
}

/** The map under `key`, created empty on first use. */
function child<V>(m: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let c = m.get(key);
  if (!c) m.set(key, (c = new Map()));
  return c;
}

/** Largest first, then by id: the order contract-aggregates.cypher returns its groups in. */
function byPeople(a: CountRow, b: CountRow): number {
  return b.people - a.people || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One dimension's groups, sorted; operators and networks also say how many controllers they serve. */
function rowsOf(dims: Map<string, Map<string, Sum>>, dim: GroupRow['dim'], role?: CountRow['role']): CountRow[] {
  return [...(dims.get(dim) ?? new Map<string, Sum>())]
    .map(([id, s]): CountRow => (role ? { id, role, people: s.people, contracts: s.contracts, insurers: s.insurers.size } : { id, people: s.people, contracts: s.contracts }))
    .sort(byPeople);
}

/** One request's row, shaped as contract-aggregates.cypher returns it with every insurer's slice. */
function assemble(req: string, sums: Map<string, Map<string, Map<string, Map<string, Sum>>>>): ContractAggregatesWithTenantsRow {
  const byTenant = sums.get(req) ?? new Map<string, Map<string, Map<string, Sum>>>();
  const all = byTenant.get('') ?? new Map<string, Map<string, Sum>>();
  const total = all.get('total')?.get('');
  const tenants: TenantAggregatesRow[] = [...byTenant.keys()]
    .filter((t) => t !== '')
    .sort()
    .map((t) => {
      const dims = byTenant.get(t)!;
      const own = dims.get('total')!.get('')!;
      return {
        id: t,
        people: own.people,
        contracts: own.contracts,
        byOperator: rowsOf(dims, 'operator', 'OPERATOR'),
        byNetwork: rowsOf(dims, 'network', 'CARE_NETWORK'),
        byCategory: rowsOf(dims, 'category'),
      };
    });
  return {
    key: req,
    people: total?.people ?? 0,
    contracts: total?.contracts ?? 0,
    byInsurer: rowsOf(all, 'insurer'),
    byOperator: rowsOf(all, 'operator', 'OPERATOR'),
    byNetwork: rowsOf(all, 'network', 'CARE_NETWORK'),
    byCategory: rowsOf(all, 'category'),
    tenants,
  };
}
