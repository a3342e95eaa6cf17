import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { ImpactPathRow } from '../impact/impact.rows';
import type { AffectedContractRow, ContractRow } from './contract.rows';

const Q = { page: cypher('contract/affected-contracts-page') };

/** One page (`limit` rows at most) of the tenant insurer's contracts reached through `paths`, after `after`. */
export async function affectedContractsPage(
  db: RequestDb,
  args: { tenant: string; referenceDate: string; paths: ImpactPathRow[]; after: string | null; limit: number },
): Promise<AffectedContractRow[]> {
  return db.read<AffectedContractRow>(Q.page, args);
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
