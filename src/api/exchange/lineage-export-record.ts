import type { DataCategoryRow, DataFlowRow, PopulationRow, SystemRow } from '../../domain/catalogue/catalogue.rows';
import { uniq } from '../../domain/impact/breakdown';
import { lineageFlowIds } from '../../domain/exchange/lineage-export.repository';
import type { LineageExportRecord } from '../../domain/exchange/lineage-record';
import type { OrganizationRow } from '../../domain/organization/organization.rows';
import type { RequestContext } from '../context';
import { requireCategory, requireOrganization, requirePopulation, requireSystem } from '../require';

/** Rows of a loader's loadMany, a failure rethrown rather than dropped. */
function settled<R>(rows: Array<R | Error>): R[] {
  const failed = rows.find((r): r is Error => r instanceof Error);
  if (failed) throw failed;
  return rows as R[];
}

/**
 * Loads everything a lineage export maps from (see LineageExportRecord), through the request's
 * loaders: the flows the caller may read (an insurer's own: the statement and the dataFlow loader
 * both apply the tenant filter), and every organisation, system, population and category they
 * name. A flow's source is a system or an organisation: a source id that is no system is an
 * organisation.
 */
export async function loadLineageRecord(ctx: RequestContext): Promise<LineageExportRecord> {
  const ids = await lineageFlowIds(ctx.db, ctx.tenant);
  const flows = settled(await ctx.loaders.dataFlow.loadMany(ids)).filter((f): f is DataFlowRow => f !== null);
  const endpointIds = uniq(flows.flatMap((f) => [f.fromId, f.toId]));
  const endpoints = settled(await ctx.loaders.system.loadMany(endpointIds));
  const systems = new Map<string, SystemRow>();
  for (const s of endpoints) if (s) systems.set(s.id, s);
  // Every target is a system (DataFlow -[:TO]-> System): a target that is not is a broken graph.
  await Promise.all(uniq(flows.map((f) => f.toId)).filter((id) => !systems.has(id)).map((id) => requireSystem(ctx, id)));
  const populationRows: PopulationRow[] = await Promise.all(uniq(flows.map((f) => f.populationId)).map((id) => requirePopulation(ctx, id)));
  const orgIds = uniq([
    ...flows.flatMap((f) => [systems.has(f.fromId) ? null : f.fromId, f.controllerId, f.processorId, f.subProcessorId, f.viaId]),
    ...[...systems.values()].map((s) => s.operatorId),
    ...populationRows.map((p) => p.ownerId),
  ].filter((id): id is string => id !== null));
  const organizationRows: OrganizationRow[] = await Promise.all(orgIds.map((id) => requireOrganization(ctx, id)));
  const categoryRows: DataCategoryRow[] = await Promise.all(uniq(flows.flatMap((f) => f.categoryIds)).map((id) => requireCategory(ctx, id)));
  return {
    flows,
    organizations: new Map(organizationRows.map((o) => [o.id, o])),
    systems,
    populations: new Map(populationRows.map((p) => [p.id, p])),
    categories: new Map(categoryRows.map((c) => [c.id, c])),
  };
}
