import { cypher } from '../src/db/cypher-files';
import type { Executor } from '../src/db/executor';

/**
 * A graph's fingerprint for "same graph" tests (the bulk load against the transactional import,
 * a re-run import after a kill against a clean one): every node and relationship with its
 * properties and their types, volatile stamps blanked, JSON summaries canonical, sorted.
 */
export type Fingerprint = { nodes: string[]; rels: string[] };

/** Written by the clock or at random, so they differ between any two loads: their presence is compared, not their value . */
const VOLATILE = new Set(['importedAt', 'portfolioImportedAt', 'computedAt', 'changedAt', 'version', 'catalogueVersion', 'lockedAt', 'refreshedAt']);

/** A property value with the JSON the summaries keep in canonical form (their lists come in walk order, which differs between stores). */
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

/** Every node and relationship of the graph with its properties and their types, volatile stamps blanked, sorted: equal fingerprints, same graph (summaries included: they are nodes). */
export async function fingerprint(executor: Executor): Promise<Fingerprint> {
  const stable = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, VOLATILE.has(k) ? '<set>' : canonical(v)]));
  const nodes = await executor.read<{ labels: string[]; props: Record<string, unknown>; types: string[] }>(cypher('admin/graph-node-fingerprints'));
  const rels = await executor.read<{ props: Record<string, unknown>; types: string[] }>(cypher('admin/graph-relationship-fingerprints'));
  return {
    nodes: nodes.map((n) => JSON.stringify({ labels: [...n.labels].sort(), props: stable(n.props), types: [...n.types].sort() })).sort(),
    rels: rels.map((r) => JSON.stringify({ ...r, props: stable(r.props), types: [...r.types].sort() })).sort(),
  };
}
