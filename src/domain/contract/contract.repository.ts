import { cypher } from '../../db/cypher-files';
import type { TxRun } from '../../db/executor';
import type { RequestDb } from '../../db/request-db';
import type { ChainHead } from '../audit/audit.repository';
import type { ImpactPathRow } from '../impact/impact.rows';
import type { StoredSummaryRow } from '../impact/stored-summaries';
import type { AffectedContractRow, ContractRow } from './contract.rows';

const Q = { page: cypher('contract/affected-contracts-page') };

/** What contract/affected-contracts-page answers: the rows, what the caller assumed as it now is, and the audit chain's head. */
export interface AffectedContractsPage {
  rows: AffectedContractRow[];
  /** The catalogue version now (null: none set yet). */
  catalogueVersion: string | null;
  /** The breach's stored summary now, as shared/stored-summary reads it with the `known` given. */
  summary: StoredSummaryRow;
  head: ChainHead;
}

/**
 * One page (`limit` rows at most) of the tenant insurer's contracts reached through `paths`, after
 * `after`, run in `run`'s write transaction: with the catalogue version and the breach's stored
 * summary as they are now (`known`: the summary version the caller holds parsed, whose JSON is then
 * not sent), and last the audit chain's head, taken for the record `head` names (see
 * AuditRecorder.readInTransaction). No contract is walked when `paths` is empty.
 */
export async function affectedContractsPage(
  run: TxRun,
  args: {
    tenant: string;
    breachId: string;
    referenceDate: string | null;
    paths: ImpactPathRow[];
    after: string | null;
    limit: number;
    known: Record<string, string>;
    head: { auditId: string; genesis: string };
  },
): Promise<AffectedContractsPage> {
  const { head, ...rest } = args;
  const [row] = await run<{ rows: AffectedContractRow[]; catalogueVersion: string | null; summary: StoredSummaryRow; sequence: number; hash: string }>(Q.page, {
    ...rest,
    ...head,
  });
  return { rows: row.rows, catalogueVersion: row.catalogueVersion, summary: row.summary, head: { sequence: row.sequence, hash: row.hash } };
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
