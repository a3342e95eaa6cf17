import { cypher } from '../../db/cypher-files';
import type { Executor, RoundTripCounter } from '../../db/executor';
import type { ImpactPathRow } from '../impact/impact.rows';

const Q = { batch: cypher('contract/export-affected-contracts') };

/**
 * Contracts per statement of the export: big enough to amortise a round trip, small enough to
 * hold. 1,000 rather than 5,000: two batches of 5,000 in flight (one formatted, one read) kept
 * about 50 MB more RSS at peak than batches of 1,000 in a 36,790-contract export at 1M people, and smaller batches were no
 * slower there (the next batch is read while this one is sent).
 */
export const EXPORT_BATCH_SIZE = 1_000;

/** One affected contract as the export reads it: the contract, its paths and its beneficiaries. */
export interface ExportContractRow {
  contract: { id: string; number: string; startDate: string; endDate: string | null };
  /** The paths reaching it; `networkId` is the partner (the path's `via`, else the contract's network). */
  paths: Array<{ flowId: string; operatorId: string; basis: 'ACTIVE' | 'RETAINED'; exposedCategoryIds: string[]; networkId: string | null }>;
  /** Its beneficiaries by pseudonymous key (`nir:<HMAC>`, never a NIR), in key order; empty when none is loaded. */
  beneficiaries: Array<{ key: string; role: 'HOLDER' | 'DEPENDANT' }>;
}

/**
 * The tenant insurer's contracts reached through `paths` on `referenceDate`, in contract-id order,
 * `batchSize` contracts per statement (keyset paging on the contract id, so each batch is an index
 * seek and costs what the first does). A generator: the next statement runs only when the caller
 * asks for the next batch, so a slow reader holds one batch, never the export. Each statement is
 * its own read with the executor's statement timeout (not one request deadline: an export of a
 * national insurer takes longer than any single request may); the batches are not one snapshot,
 * so an import running meanwhile may show in later batches only. Throws as `Executor.read` does.
 */
export async function* affectedContractBatches(
  executor: Executor,
  args: { tenant: string; referenceDate: string; paths: readonly ImpactPathRow[]; batchSize?: number; counter?: RoundTripCounter },
): AsyncGenerator<ExportContractRow[], void, undefined> {
  const limit = args.batchSize ?? EXPORT_BATCH_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`export batch size must be a positive integer, not ${limit}`);
  let after: string | null = null;
  for (;;) {
    const rows: ExportContractRow[] = await executor.read<ExportContractRow>(
      Q.batch,
      { tenant: args.tenant, referenceDate: args.referenceDate, paths: args.paths, after, limit },
      args.counter,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
    after = rows[rows.length - 1].contract.id;
  }
}

/**
 * Whether the insurer's member was still its client on the reference date: ACTIVE when the
 * contract was running (no end, or an end on or after the date), FORMER when it had ended before
 * (the member is reached because an operator retained their data; the mailing must still write
 * to them, at their last known address).
 */
export function clientBasis(contract: { endDate: string | null }, referenceDate: string): 'ACTIVE' | 'FORMER' {
  // ISO calendar dates sort as strings.
  return contract.endDate === null || contract.endDate >= referenceDate ? 'ACTIVE' : 'FORMER';
}
