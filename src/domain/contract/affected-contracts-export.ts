import { cypher } from '../../db/cypher-files';
import type { Executor, RoundTripCounter } from '../../db/executor';
import type { ImpactPathRow } from '../impact/impact.rows';

const Q = { batch: cypher('contract/export-affected-contracts') };

/**
 * Contracts per statement of the export: big enough to amortise a round trip, small enough that a
 * batch dies young. Two batches are alive at a time (one formatted, the next read), and whatever
 * outlives two of V8's young collections is promoted to the old generation, which then grows. At
 * 10M people (org-syn-089's 366,710 contracts, three exports in a row on one API, Neo4j warm for
 * the third), batches of 1,000 raised the RSS by 91–93 MB in the third export, when Neo4j
 * answered faster than the API formatted; batches of 500 by 8–11 MB, of 250 by 4–9 MB, of 100
 * by 0–2 MB, with the same times (19–27 s, a noisy machine). 250 rather than 100: each batch is a
 * round trip, 1,467 of them for that export, so a Neo4j across a network with a long round trip
 * would bound the export by its latency; EXPORT_BATCH_SIZE raises it there.
 */
export const EXPORT_BATCH_SIZE = 250;

/** One affected contract as the export reads it: the contract, its paths and its beneficiaries. */
export interface ExportContractRow {
  contract: { id: string; number: string; startDate: string; endDate: string | null };
  /** The paths reaching it; `networkId` is the partner (the path's `via`, else the contract's network). */
  paths: Array<{ flowId: string; operatorId: string; basis: 'ACTIVE' | 'RETAINED'; exposedCategoryIds: string[]; networkId: string | null }>;
  /** Its beneficiaries by pseudonymous key (`nir:<HMAC>`, never a NIR), in key order; empty when none is loaded. */
  beneficiaries: Array<{ key: string; role: 'HOLDER' | 'DEPENDANT' }>;
}

/** One row of contract/export-affected-contracts, as the statement returns it (see its header). */
interface ExportBatchRecord {
  id: string;
  number: string;
  startDate: string;
  endDate: string | null;
  networkId: string | null;
  /** Positions in the statement's `$paths` of the paths reaching the contract. */
  hits: number[];
  beneficiaries: Array<[string, 'HOLDER' | 'DEPENDANT']>;
}

/** Distinct path lists an export keeps before it starts again (a national insurer has a handful; this only bounds memory). */
const PATH_LISTS_LIMIT = 10_000;

/**
 * The tenant insurer's contracts reached through `paths` on `referenceDate`, in contract-id order,
 * `batchSize` contracts per statement (keyset paging on the contract id, so each batch is an index
 * seek and costs what the first does). A generator: the next statement runs only when the caller
 * asks for the next batch, so a slow reader holds one batch, never the export. Each statement is
 * its own read with the executor's statement timeout (not one request deadline: an export of a
 * national insurer takes longer than any single request may); the batches are not one snapshot,
 * so an import running meanwhile may show in later batches only. Throws as `Executor.read` does.
 * Contracts reached through the same paths (and, for a path without a partner, the same network)
 * share one `paths` array, in the order of `paths`: a caller may key its own caches on it.
 */
export async function* affectedContractBatches(
  executor: Executor,
  args: { tenant: string; referenceDate: string; paths: readonly ImpactPathRow[]; batchSize?: number; counter?: RoundTripCounter },
): AsyncGenerator<ExportContractRow[], void, undefined> {
  const limit = args.batchSize ?? EXPORT_BATCH_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`export batch size must be a positive integer, not ${limit}`);
  // The statement names a contract's paths by position; these are the lists built so far, by
  // positions (and network where a path has no partner of its own).
  const pathLists = new Map<string, ExportContractRow['paths']>();
  const pathsOf = (r: ExportBatchRecord): ExportContractRow['paths'] => {
    // Positions in $paths order, whatever order Cypher collected them in.
    const hits = r.hits.length > 1 ? [...r.hits].sort((a, b) => a - b) : r.hits;
    for (const i of hits) if (args.paths[i] === undefined) throw new Error(`export statement named path ${JSON.stringify(i)} of contract ${r.id}, but only ${args.paths.length} paths were given`);
    const partnerless = hits.some((i) => args.paths[i].viaId === null);
    const key = partnerless ? `${hits.join(',')}|${r.networkId ?? ''}` : hits.join(',');
    let list = pathLists.get(key);
    if (list === undefined) {
      list = hits.map((i) => {
        const p = args.paths[i];
        return { flowId: p.flowId, operatorId: p.operatorId, basis: p.basis, exposedCategoryIds: p.exposedCategoryIds, networkId: p.viaId ?? r.networkId };
      });
      if (pathLists.size >= PATH_LISTS_LIMIT) pathLists.clear();
      pathLists.set(key, list);
    }
    return list;
  };
  let after: string | null = null;
  for (;;) {
    const records: ExportBatchRecord[] = await executor.read<ExportBatchRecord>(
      Q.batch,
      { tenant: args.tenant, referenceDate: args.referenceDate, paths: args.paths, after, limit },
      args.counter,
    );
    const rows: ExportContractRow[] = records.map((r) => ({
      contract: { id: r.id, number: r.number, startDate: r.startDate, endDate: r.endDate },
      paths: pathsOf(r),
      beneficiaries: r.beneficiaries.map(([key, role]) => ({ key, role })),
    }));
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
    after = rows[rows.length - 1].contract.id;
  }
}
