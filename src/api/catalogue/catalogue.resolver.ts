import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../context';
import { allOf } from '../loader-helpers';
import { Organization } from '../organization/organization.type';
import type { OrganizationRow } from '../../domain/organization/organization.rows';
import { allDataCategories } from '../../domain/catalogue/catalogue.repository';
import type { AccessChannelRow, DataCategoryRow, DataFlowRow, PopulationRow, SystemRow } from '../../domain/catalogue/catalogue.rows';
import { AccessChannel, DataCategory, DataFlow, FlowEndpoint, Population, System } from './catalogue.type';
import { requireCategory, requireOrganization, requirePopulation, requireSystem } from '../require';

/** Resolves a lineage endpoint id (organisation or system) to its name and kind. */
export function endpoint(ctx: RequestContext, id: string): FlowEndpoint | Promise<FlowEndpoint> {
  // Most endpoints are already in the shared catalogue cache: answer them without a promise.
  const org = ctx.loaders.organization.peek(id);
  if (org) return { id, kind: 'ORGANIZATION', name: org.name };
  const sys = ctx.loaders.system.peek(id);
  if (sys && org === null) return { id, kind: 'SYSTEM', name: sys.name };
  return loadEndpoint(ctx, id);
}

async function loadEndpoint(ctx: RequestContext, id: string): Promise<FlowEndpoint> {
  // Both loaders batch, so asking both costs at most one round trip each per request.
  const [org, sys] = await Promise.all([ctx.loaders.organization.load(id), ctx.loaders.system.load(id)]);
  if (org) return { id, kind: 'ORGANIZATION', name: org.name };
  if (sys) return { id, kind: 'SYSTEM', name: sys.name };
  throw notFound('organization or system', id);
}

/** The data-category catalogue. */
@Resolver(() => DataCategory)
export class DataCategoryResolver {
  @Query(() => [DataCategory], { description: 'Every data category, roots and sub-categories, by id.' })
  async dataCategories(@Ctx() ctx: RequestContext): Promise<DataCategoryRow[]> {
    const rows = await allDataCategories(ctx.db);
    for (const r of rows) ctx.loaders.dataCategory.prime(r.id, r);
    return rows;
  }

  @FieldResolver(() => DataCategory, { nullable: true, description: 'The broader category; null for a root.' })
  async parent(@Root() row: DataCategoryRow, @Ctx() ctx: RequestContext): Promise<DataCategoryRow | null> {
    return row.parentId === null ? null : requireCategory(ctx, row.parentId);
  }

  @FieldResolver(() => [DataCategory], { description: 'Direct sub-categories.' })
  async children(@Root() row: DataCategoryRow, @Ctx() ctx: RequestContext): Promise<DataCategoryRow[]> {
    const ids = await ctx.loaders.childCategoryIds.load(row.id);
    return Promise.all(ids.map((id) => requireCategory(ctx, id)));
  }
}

/** Relation fields of systems. */
@Resolver(() => System)
export class SystemResolver {
  @FieldResolver(() => Organization, { description: 'The organisation that runs it.' })
  operator(@Root() row: SystemRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, row.operatorId);
  }

  @FieldResolver(() => [AccessChannel], { description: 'Ways into it.' })
  accessChannels(@Root() row: SystemRow, @Ctx() ctx: RequestContext): Promise<AccessChannelRow[]> {
    return ctx.loaders.accessChannelsOfSystem.load(row.id);
  }
}

/** Relation fields of access channels. */
@Resolver(() => AccessChannel)
export class AccessChannelResolver {
  @FieldResolver(() => System, { description: 'The system it opens.' })
  system(@Root() row: AccessChannelRow, @Ctx() ctx: RequestContext): SystemRow | Promise<SystemRow> {
    return requireSystem(ctx, row.systemId);
  }
}

/** Relation fields of populations. */
@Resolver(() => Population)
export class PopulationResolver {
  @FieldResolver(() => Organization, { description: 'The organisation that controls this population’s data (the insurer, or the operator for its professionals’ accounts).' })
  owner(@Root() row: PopulationRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, row.ownerId);
  }
}

/** Relation fields of data flows. */
@Resolver(() => DataFlow)
export class DataFlowResolver {
  @FieldResolver(() => FlowEndpoint, { description: 'Where the data comes from.' })
  from(@Root() row: DataFlowRow, @Ctx() ctx: RequestContext): FlowEndpoint | Promise<FlowEndpoint> {
    return endpoint(ctx, row.fromId);
  }

  @FieldResolver(() => System, { description: 'The system receiving the data.' })
  to(@Root() row: DataFlowRow, @Ctx() ctx: RequestContext): SystemRow | Promise<SystemRow> {
    return requireSystem(ctx, row.toId);
  }

  @FieldResolver(() => Population, { description: 'Whose data it is.' })
  population(@Root() row: DataFlowRow, @Ctx() ctx: RequestContext): PopulationRow | Promise<PopulationRow> {
    return requirePopulation(ctx, row.populationId);
  }

  @FieldResolver(() => [DataCategory], { description: 'Categories of data it carries.' })
  categories(@Root() row: DataFlowRow, @Ctx() ctx: RequestContext): DataCategoryRow[] | Promise<DataCategoryRow[]> {
    return allOf(row.categoryIds.map((id) => requireCategory(ctx, id)));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'GDPR controller of the data (the insurer, for insured people); null when the record does not name it (e.g. the insurers behind a broker’s clients, the broker being `via`).' })
  controller(@Root() row: DataFlowRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> | null {
    return row.controllerId === null ? null : requireOrganization(ctx, row.controllerId);
  }

  @FieldResolver(() => Organization, { description: 'GDPR processor receiving the data (the operator).' })
  processor(@Root() row: DataFlowRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, row.processorId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'GDPR sub-processor, if any.' })
  async subProcessor(@Root() row: DataFlowRow, @Ctx() ctx: RequestContext): Promise<OrganizationRow | null> {
    return row.subProcessorId === null ? null : requireOrganization(ctx, row.subProcessorId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Partner the data passes through (a care network), if any.' })
  async via(@Root() row: DataFlowRow, @Ctx() ctx: RequestContext): Promise<OrganizationRow | null> {
    return row.viaId === null ? null : requireOrganization(ctx, row.viaId);
  }
}
