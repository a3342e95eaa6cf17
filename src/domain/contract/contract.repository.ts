import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../graphql/request-db';
import type { ImpactPathRow } from '../impact/impact.rows';
import type { AffectedContractRow } from './contract.rows';

const Q = { page: cypher('contract/affected-contracts-page') };

/** One page (`limit` rows at most) of an insurer's contracts reached through `paths`, after `after`. */
export async function affectedContractsPage(
  db: RequestDb,
  args: { insurerId: string; referenceDate: string; paths: ImpactPathRow[]; after: string | null; limit: number },
): Promise<AffectedContractRow[]> {
  return db.read<AffectedContractRow>(Q.page, args);
}
