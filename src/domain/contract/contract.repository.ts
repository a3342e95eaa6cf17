import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { ImpactPathRow } from '../impact/impact.rows';
import type { StoredSummaryRow } from '../impact/stored-summaries';
import type { AffectedContractRow, ContractRow } from './contract.rows';

const Q = { page: cypher('contract/affected-contracts-page'), searchCount: cypher('contract/affected-contracts-search-count') };

/** What the statements read of a path: its index in the caller's list, flow, and what the contract rule reads. */
function pathsSent(paths: readonly ImpactPathRow[]) {
  return paths.map((p, i) => ({ i, flowId: p.flowId, operatorId: p.operatorId, basis: p.basis, populationCutOff: p.populationCutOff }));
}

/** What contract/affected-contracts-page answers: the rows, and what the caller assumed as it now is. */
export interface AffectedContractsPage {
  rows: AffectedContractRow[];
  /** The catalogue version now (null: none set yet). */
  catalogueVersion: string | null;
  /** The breach's stored summary now, as shared/stored-summary reads it with the `known` given. */
  summary: StoredSummaryRow;
}

/** A row as contract/affected-contracts-page answers it: its paths by index into the paths sent. */
interface PageRow {
  contract: ContractRow;
  paths: number[];
  beneficiaryCount: number;
  dependants: number;
}

/**
 * One page (`limit` rows at most) of the tenant insurer's contracts reached through `paths`, after
 * `after` (only those whose number starts with `search`, case-insensitively, when not null), in
 * one statement: with the catalogue version and the breach's stored summary as they
 * are now (`known`: the summary version the caller holds parsed, whose JSON is then not sent). No
 * contract is walked when `paths` is empty. Each row's paths are `paths`' own objects with the
 * contract's care network (the path's intermediary when it has one, else the contract's).
 */
export async function affectedContractsPage(
  db: RequestDb,
  args: {
    tenant: string;
    breachId: string;
    referenceDate: string | null;
    paths: ImpactPathRow[];
    after: string | null;
    search: string | null;
    limit: number;
    known: Record<string, string>;
  },
): Promise<AffectedContractsPage> {
  // Only what the statement reads of a path is sent: the whole paths would be packed, sent and
  // unpacked on every page, and their text sent back once per contract.
  const [row] = await db.read<Omit<AffectedContractsPage, 'rows'> & { rows: PageRow[] }>(Q.page, { ...args, paths: pathsSent(args.paths) });
  const rows = row.rows.map((r) => ({ ...r, paths: r.paths.map((i) => pathOf(args.paths, i, r.contract)) }));
  return { ...row, rows };
}

/**
 * How many of the tenant insurer's contracts whose number starts with `search` (case-insensitively)
 * are reached through `paths` on `referenceDate`: every page of {@link affectedContractsPage} with
 * that search, counted live (contract/affected-contracts-search-count). 0 when `paths` is empty.
 */
export async function affectedContractsSearchCount(db: RequestDb, args: { tenant: string; referenceDate: string; paths: readonly ImpactPathRow[]; search: string }): Promise<number> {
  if (args.paths.length === 0) return 0;
  const [row] = await db.read<{ contracts: number }>(Q.searchCount, { ...args, paths: pathsSent(args.paths) });
  return row.contracts;
}

/** The path the statement named by index `i`, as a page row carries it; an index out of range is a fault, named. */
function pathOf(paths: ImpactPathRow[], i: number, c: ContractRow): ImpactPathRow & { networkId: string | null } {
  const p = paths[i];
  if (!p) throw new Error(`contract/affected-contracts-page named path ${i} of ${paths.length} for contract ${c.id}`);
  return { ...p, networkId: p.viaId ?? c.networkId ?? null };
}

const M = { contracts: cypher('contract/member-contracts'), exposure: cypher('contract/member-exposure') };

/** A member's contracts with the tenant insurer, by pseudonym. */
export async function memberContracts(db: RequestDb, pseudonym: string, tenant: string): Promise<Array<{ contract: ContractRow; role: string }>> {
  return db.read(M.contracts, { pseudonym, tenant });
}

/** For each breach request, the member's contracts it reaches and through which path. */
export async function memberExposure(
  db: RequestDb,
  args: { tenant: string; contractIds: string[]; requests: Array<{ breachId: string; referenceDate: string; paths: ImpactPathRow[] }> },
): Promise<Array<{ breachId: string; contractId: string; path: ImpactPathRow & { networkId: string | null } }>> {
  return db.read(M.exposure, args);
}
