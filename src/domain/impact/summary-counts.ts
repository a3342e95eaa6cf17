import type { AggregateRoute, ContractAggregatesRow, CountRow, ImpactPathRow, TenantAggregatesRow } from './impact.rows';

/** People and contracts of one group. */
export type CountPair = [people: number, contracts: number];

/**
 * The additive counts of one tenant of one breach (every insurer's, or one insurer's own slice):
 * dimension → group id → [people, contracts]. Every entry adds over disjoint sets of people
 * (cypher/sweep/impact-groups says why), so a write's change is applied by adding the counts of
 * the people it touched after it and subtracting them before it. Dimensions: total (id ''),
 * insurer, operator, network, category, operatorInsurer and networkInsurer ('<partner>|<insurer>'),
 * route ('<system>/<operator>/<flow>|<network or ''>', every-insurer only). Stored as JSON on
 * :ImpactSummary and :InsurerImpactSummary (`counts`); the `aggregates` readers use are derived
 * from it by {@link aggregatesOf}.
 */
export type GroupCounts = Record<string, Record<string, CountPair>>;

/** request key → tenant (ALL for every insurer) → counts. */
export type SweepCounts = Map<string, Map<string, GroupCounts>>;

/** The tenant key of the every-insurer counts. */
export const ALL = '*';

/** One partial count of a sweep statement (cypher/sweep/impact-groups). */
export interface GroupRow {
  req: string;
  tenant: string | null;
  dim: string;
  id: string;
  people: number;
  contracts: number;
}

/** Adds `sign` × the group rows into `counts` (sign -1 subtracts); entries reaching 0/0 are removed. */
export function addGroupRows(counts: SweepCounts, rows: GroupRow[], sign = 1): void {
  for (const g of rows) {
    let byTenant = counts.get(g.req);
    if (!byTenant) counts.set(g.req, (byTenant = new Map()));
    const tenant = g.tenant ?? ALL;
    let dims = byTenant.get(tenant);
    if (!dims) byTenant.set(tenant, (dims = {}));
    addPair(dims, g.dim, g.id, [sign * g.people, sign * g.contracts]);
  }
}

/** Adds `pair` to one entry of `counts`, dropping the entry (and an emptied dimension) at 0/0. */
function addPair(counts: GroupCounts, dim: string, id: string, pair: CountPair): void {
  const groups = (counts[dim] ??= {});
  const [p, c] = groups[id] ?? [0, 0];
  const next: CountPair = [p + pair[0], c + pair[1]];
  if (next[0] === 0 && next[1] === 0) delete groups[id];
  else groups[id] = next;
  if (Object.keys(groups).length === 0) delete counts[dim];
}

/**
 * `stored` plus `diff`, as a new object: entries reaching 0/0 disappear, as a full count would
 * never produce them. A negative result means the stored counts were not those of the graph the
 * diff was taken on; it throws rather than store a negative count.
 */
export function applyCounts(stored: GroupCounts, diff: GroupCounts): GroupCounts {
  const out: GroupCounts = JSON.parse(JSON.stringify(stored)) as GroupCounts;
  for (const [dim, groups] of Object.entries(diff)) {
    for (const [id, pair] of Object.entries(groups)) addPair(out, dim, id, pair);
  }
  for (const [dim, groups] of Object.entries(out)) {
    for (const [id, [p, c]] of Object.entries(groups)) {
      if (p < 0 || c < 0) throw new Error(`summary counts went negative (${dim} ${id}: ${p} people, ${c} contracts): the stored counts do not match the graph`);
    }
  }
  return out;
}

/** after − before, per request and tenant (counts over the same people, e.g. before and after a write); entries that did not change are absent. */
export function differenceOf(after: SweepCounts, before: SweepCounts): SweepCounts {
  const out: SweepCounts = new Map();
  const reqs = new Set([...after.keys(), ...before.keys()]);
  for (const req of reqs) {
    const a = after.get(req) ?? new Map<string, GroupCounts>();
    const b = before.get(req) ?? new Map<string, GroupCounts>();
    for (const tenant of new Set([...a.keys(), ...b.keys()])) {
      const negated: GroupCounts = {};
      for (const [dim, groups] of Object.entries(b.get(tenant) ?? {})) {
        negated[dim] = Object.fromEntries(Object.entries(groups).map(([id, [p, c]]) => [id, [-p, -c]]));
      }
      const diff = applyUnchecked(a.get(tenant) ?? {}, negated);
      if (Object.keys(diff).length === 0) continue;
      if (!out.has(req)) out.set(req, new Map());
      out.get(req)!.set(tenant, diff);
    }
  }
  return out;
}

/** x + y without the negativity check (a difference may be negative). */
function applyUnchecked(x: GroupCounts, y: GroupCounts): GroupCounts {
  const out: GroupCounts = JSON.parse(JSON.stringify(x)) as GroupCounts;
  for (const [dim, groups] of Object.entries(y)) {
    for (const [id, [p, c]] of Object.entries(groups)) {
      const g = (out[dim] ??= {});
      const [p0, c0] = g[id] ?? [0, 0];
      if (p0 + p === 0 && c0 + c === 0) delete g[id];
      else g[id] = [p0 + p, c0 + c];
      if (Object.keys(g).length === 0) delete out[dim];
    }
  }
  return out;
}

/** True when the counts hold nobody (the breach reaches none of this tenant's contracts). */
export function isEmptyCounts(counts: GroupCounts): boolean {
  return (counts.total?.['']?.[0] ?? 0) === 0 && (counts.total?.['']?.[1] ?? 0) === 0;
}

/** Largest first, then by id: the order contract-aggregates.cypher returns its groups in. */
function byPeople(a: CountRow, b: CountRow): number {
  return b.people - a.people || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** How many controllers each partner of `dim` (operatorInsurer, networkInsurer) serves people of. */
function controllersOf(counts: GroupCounts, dim: string): Map<string, number> {
  const n = new Map<string, number>();
  for (const [id, [people]] of Object.entries(counts[dim] ?? {})) {
    if (people <= 0) continue;
    // Partner ids are slugs without '|': everything before the first one is the partner.
    const partner = id.slice(0, id.indexOf('|'));
    n.set(partner, (n.get(partner) ?? 0) + 1);
  }
  return n;
}

/** One dimension's groups, sorted; operators and networks also say how many controllers they serve. */
function rowsOf(counts: GroupCounts, dim: string, role?: 'OPERATOR' | 'CARE_NETWORK'): CountRow[] {
  const controllers = role ? controllersOf(counts, dim === 'operator' ? 'operatorInsurer' : 'networkInsurer') : undefined;
  return Object.entries(counts[dim] ?? {})
    .map(([id, [people, contracts]]): CountRow => (role ? { id, role, people, contracts, insurers: controllers!.get(id) ?? 0 } : { id, people, contracts }))
    .sort(byPeople);
}

/** A tenant's own share, as contract-aggregates-sweep returns it in `tenants`. */
export function tenantRowOf(tenant: string, counts: GroupCounts): TenantAggregatesRow {
  const [people, contracts] = counts.total?.[''] ?? [0, 0];
  return {
    id: tenant,
    people,
    contracts,
    byOperator: rowsOf(counts, 'operator', 'OPERATOR'),
    byNetwork: rowsOf(counts, 'network', 'CARE_NETWORK'),
    byCategory: rowsOf(counts, 'category'),
  };
}

/**
 * The contract-aggregates row readers use (the `aggregates` JSON), derived from additive counts:
 * every insurer's (`tenant` ALL, byInsurer from the counts) or an insurer's own slice (byInsurer
 * holds only itself, as a tenant-scoped live count returns it).
 */
export function aggregatesOf(key: string, counts: GroupCounts, tenant: string = ALL): ContractAggregatesRow {
  const own = tenantRowOf(tenant, counts);
  return {
    key,
    people: own.people,
    contracts: own.contracts,
    byInsurer: tenant === ALL ? rowsOf(counts, 'insurer') : [{ id: tenant, people: own.people, contracts: own.contracts }],
    byOperator: own.byOperator,
    byNetwork: own.byNetwork,
    byCategory: own.byCategory,
  };
}

/**
 * The care networks each path's reached contracts go through (impact-paths' networkRoutes), by
 * route key '<system>/<operator>/<flow>': the routes with people in the every-insurer counts.
 */
export function networkRoutesOf(counts: GroupCounts): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const [id, [people]] of Object.entries(counts.route ?? {})) {
    if (people <= 0) continue;
    const cut = id.lastIndexOf('|');
    const path = id.slice(0, cut);
    routes.set(path, [...(routes.get(path) ?? []), id.slice(cut + 1)]);
  }
  return routes;
}

/** The route key of a path (null through an intermediary, whose routes are not counted). */
export function routeKey(p: { systemId: string; operatorId: string; flowId: string; viaId: string | null }): string | null {
  return p.viaId ? null : `${p.systemId}/${p.operatorId}/${p.flowId}`;
}

/**
 * `paths` with their networkRoutes from `routes` (by route key, see routeKey), sorted as
 * impact-paths sorts them; [] through an intermediary or for a path with no route. The one
 * place a path gets routes derived from counts (stored summaries and what-ifs alike).
 */
export function withNetworkRoutes(paths: readonly ImpactPathRow[], routes: ReadonlyMap<string, readonly string[]>): ImpactPathRow[] {
  return paths.map((p) => {
    const key = routeKey(p);
    return { ...p, networkRoutes: key === null ? [] : [...(routes.get(key) ?? [])].sort() };
  });
}

/**
 * `paths` with their networkRoutes filled from a live count's routes (contract-aggregates'
 * `routes`: the care networks each path's counted contracts go through, one entry per path and
 * network), so that a what-if walks its populations' contracts once, not once for the count and
 * again for the routes.
 */
export function routesFromAggregates(paths: readonly ImpactPathRow[], routes: readonly AggregateRoute[]): ImpactPathRow[] {
  const byPath = new Map<string, string[]>();
  for (const r of routes) {
    const key = routeKey({ ...r, viaId: null })!;
    byPath.set(key, [...(byPath.get(key) ?? []), r.networkId]);
  }
  return withNetworkRoutes(paths, byPath);
}
