import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { AccessChannelRow, DataCategoryRow, DataFlowRow, PopulationRow, SystemRow } from './catalogue.rows';

const Q = {
  systemsByIds: cypher('catalogue/systems-by-ids'),
  channelsByIds: cypher('catalogue/access-channels-by-ids'),
  channelsBySystemIds: cypher('catalogue/access-channels-by-system-ids'),
  categories: cypher('catalogue/data-categories'),
  categoriesByIds: cypher('catalogue/data-categories-by-ids'),
  categoryChildren: cypher('catalogue/data-category-children'),
  populationsByIds: cypher('catalogue/populations-by-ids'),
  flowsByIds: cypher('catalogue/data-flows-by-ids'),
};

/** Systems by id (unknown ids are simply absent). */
export async function systemsByIds(db: RequestDb, ids: string[]): Promise<SystemRow[]> {
  return (await db.read<{ system: SystemRow }>(Q.systemsByIds, { ids })).map((r) => r.system);
}

/** Access channels by id. */
export async function accessChannelsByIds(db: RequestDb, ids: string[]): Promise<AccessChannelRow[]> {
  return (await db.read<{ channel: AccessChannelRow }>(Q.channelsByIds, { ids })).map((r) => r.channel);
}

/** Access channels of several systems, keyed by system id. */
export async function accessChannelsBySystemIds(db: RequestDb, ids: string[]): Promise<Array<{ key: string; row: AccessChannelRow }>> {
  return (await db.read<{ systemId: string; channel: AccessChannelRow }>(Q.channelsBySystemIds, { ids })).map((r) => ({ key: r.systemId, row: r.channel }));
}

/** The whole category hierarchy. */
export async function allDataCategories(db: RequestDb): Promise<DataCategoryRow[]> {
  return (await db.read<{ category: DataCategoryRow }>(Q.categories)).map((r) => r.category);
}

/** Data categories by id. */
export async function dataCategoriesByIds(db: RequestDb, ids: string[]): Promise<DataCategoryRow[]> {
  return (await db.read<{ category: DataCategoryRow }>(Q.categoriesByIds, { ids })).map((r) => r.category);
}

/** Child category ids of several categories, keyed by parent id. */
export async function childCategoryIds(db: RequestDb, ids: string[]): Promise<Array<{ key: string; row: string }>> {
  return (await db.read<{ parentId: string; childId: string }>(Q.categoryChildren, { ids })).map((r) => ({ key: r.parentId, row: r.childId }));
}

/** Populations by id. */
export async function populationsByIds(db: RequestDb, ids: string[]): Promise<PopulationRow[]> {
  return (await db.read<{ population: PopulationRow }>(Q.populationsByIds, { ids })).map((r) => r.population);
}

/** Data flows by id; an insurer tenant gets only the flows it controls. */
export async function dataFlowsByIds(db: RequestDb, ids: string[], tenant: string | null): Promise<DataFlowRow[]> {
  return (await db.read<{ flow: DataFlowRow }>(Q.flowsByIds, { ids, tenant })).map((r) => r.flow);
}
