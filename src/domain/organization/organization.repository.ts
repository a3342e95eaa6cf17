import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { PopulationRow, SystemRow } from '../catalogue/catalogue.rows';
import type { OrganizationRow, OwnershipRow, PartnershipRow } from './organization.rows';

const Q = {
  byIds: cypher('organization/organizations-by-ids'),
  list: cypher('organization/list-organizations'),
  ownerships: cypher('organization/ownerships-by-org-ids'),
  partnerships: cypher('organization/partnerships-by-org-ids'),
  systems: cypher('organization/systems-by-org-ids'),
  populations: cypher('organization/populations-by-org-ids'),
};

/** Organisations by id (unknown ids are absent). */
export async function organizationsByIds(db: RequestDb, ids: string[]): Promise<OrganizationRow[]> {
  return (await db.read<{ organization: OrganizationRow }>(Q.byIds, { ids })).map((r) => r.organization);
}

/** All organisations, or those holding `role`, by name. */
export async function listOrganizations(db: RequestDb, role: string | null): Promise<OrganizationRow[]> {
  return (await db.read<{ organization: OrganizationRow }>(Q.list, { role })).map((r) => r.organization);
}

/** Ownership links touching several organisations, keyed by the organisation asked for. */
export async function ownershipsByOrgIds(db: RequestDb, ids: string[]): Promise<Array<{ key: string; row: OwnershipRow }>> {
  return (await db.read<{ orgId: string; ownership: OwnershipRow }>(Q.ownerships, { ids })).map((r) => ({ key: r.orgId, row: r.ownership }));
}

/** Partnerships touching several organisations, keyed by the organisation asked for. */
export async function partnershipsByOrgIds(db: RequestDb, ids: string[]): Promise<Array<{ key: string; row: PartnershipRow }>> {
  return (await db.read<{ orgId: string; partnership: PartnershipRow }>(Q.partnerships, { ids })).map((r) => ({ key: r.orgId, row: r.partnership }));
}

/** Systems run by several organisations, keyed by operator id. */
export async function systemsByOrgIds(db: RequestDb, ids: string[]): Promise<Array<{ key: string; row: SystemRow }>> {
  return (await db.read<{ orgId: string; system: SystemRow }>(Q.systems, { ids })).map((r) => ({ key: r.orgId, row: r.system }));
}

/** Populations owned by several organisations, keyed by owner id; an insurer tenant sees only its own. */
export async function populationsByOrgIds(db: RequestDb, ids: string[], tenant: string | null): Promise<Array<{ key: string; row: PopulationRow }>> {
  return (await db.read<{ orgId: string; population: PopulationRow }>(Q.populations, { ids, tenant })).map((r) => ({ key: r.orgId, row: r.population }));
}
