import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { ImpactPathRow } from '../impact/impact.rows';
import type { StoredSummaryRow } from '../impact/stored-summaries';
import type { AffectedContractRow, ContractRow } from './contract.rows';

const Q = { page: cypher('contract/affected-contracts-page') };

/** What contract/affected-contracts-page answers: the rows, and what the caller assumed as it now is. */
export interface AffectedContractsPage {
  rows: AffectedContractRow[];
  /** The catalogue version now (null: none set yet). */
  catalogueVersion: string | null;
  /** The breach's stored summary now, as shared/stored-summary reads it with the `known` given. */
  summary: StoredSummaryRow;
}

/**
 * One page (`limit` rows at most) of the tenant insurer's contracts reached through `paths`, after
 * `after`, in one statement: with the catalogue version and the breach's stored summary as they
 * are now (`known`: the summary version the caller holds parsed, whose JSON is then not sent). No
 * contract is walked when `paths` is empty.
 */
export async function affectedContractsPage(
  db: RequestDb,
  args: {
    tenant: string;
    breachId: string;
    referenceDate: string | null;
    paths: ImpactPathRow[];
    after: string | null;
    limit: number;
    known: Record<string, string>;
  },
): Promise<AffectedContractsPage> {
  const [row] = await db.read<AffectedContractsPage>(Q.page, args);
  return row;
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
