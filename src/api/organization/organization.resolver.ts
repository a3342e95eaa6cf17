import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { Population, System } from '../catalogue/catalogue.type';
import type { PopulationRow, SystemRow } from '../../domain/catalogue/catalogue.rows';
import { checkDate } from '../../domain/common/date';
import { OrganizationArgs, OrganizationsArgs, PartnershipsArgs } from './organization.args';
import { listOrganizations } from '../../domain/organization/organization.repository';
import type { OrganizationRow, OwnershipRow, PartnershipRow } from '../../domain/organization/organization.rows';
import { Organization, Ownership, Partnership } from './organization.type';
import { requireOrganization } from '../require';
import { ReportedFigure } from '../breach/breach.type';
import type { ReportedFigureRow } from '../../domain/breach/breach.rows';
import { marketFiguresReportedBy } from '../../domain/breach/breach.repository';

/** Whether a validity window contains a date (open ends count as open). */
export function inWindow(date: string, from: string | null, to: string | null): boolean {
  return (from === null || from <= date) && (to === null || to >= date);
}

/** Queries and relation fields of organisations. */
@Resolver(() => Organization)
export class OrganizationResolver {
  @Authorized()
  @Query(() => Organization, { description: 'One organisation by id. NOT_FOUND when no organisation has that id.' })
  organization(@Args(() => OrganizationArgs) { id }: OrganizationArgs, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, id);
  }

  @Authorized()
  @Query(() => [Organization], { description: 'All organisations by name, or only those holding `role`.' })
  async organizations(@Args(() => OrganizationsArgs) { role }: OrganizationsArgs, @Ctx() ctx: RequestContext): Promise<OrganizationRow[]> {
    const rows = await listOrganizations(ctx.db, role ?? null);
    // Prime the loader so that nested references to these organisations cost no round trip.
    for (const r of rows) ctx.loaders.organization.prime(r.id, r);
    return rows;
  }

  @Authorized()
  @FieldResolver(() => [Ownership], { description: 'Who owns this organisation (parent groups, shareholders).' })
  async owners(@Root() org: OrganizationRow, @Ctx() ctx: RequestContext): Promise<OwnershipRow[]> {
    const rows = await ctx.loaders.ownerships.load(org.id);
    return rows.filter((r) => r.childId === org.id);
  }

  @Authorized()
  @FieldResolver(() => [Ownership], { description: 'What this organisation owns.' })
  async subsidiaries(@Root() org: OrganizationRow, @Ctx() ctx: RequestContext): Promise<OwnershipRow[]> {
    const rows = await ctx.loaders.ownerships.load(org.id);
    return rows.filter((r) => r.parentId === org.id);
  }

  @Authorized()
  @FieldResolver(() => [Partnership], { description: 'Partnerships on either side (insurer–operator, network–operator), oldest first; with `asOf`, only those in force that day.' })
  async partnerships(
    @Root() org: OrganizationRow,
    @Args(() => PartnershipsArgs) { asOf }: PartnershipsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Array<PartnershipRow & { activeOnAsOf: boolean | null }>> {
    const date = checkDate('asOf', asOf);
    const rows = await ctx.loaders.partnerships.load(org.id);
    return rows
      .map((r) => ({ ...r, activeOnAsOf: date === null ? null : inWindow(date, r.validFrom, r.validTo) }))
      .filter((r) => r.activeOnAsOf !== false);
  }

  @Authorized()
  @FieldResolver(() => [System], { description: 'Systems this organisation runs.' })
  async systems(@Root() org: OrganizationRow, @Ctx() ctx: RequestContext): Promise<SystemRow[]> {
    return ctx.loaders.systemsOfOrganization.load(org.id);
  }

  @Authorized()
  @FieldResolver(() => [Population], { description: 'Populations whose data this organisation controls (its insured people, professionals).' })
  async populations(@Root() org: OrganizationRow, @Ctx() ctx: RequestContext): Promise<PopulationRow[]> {
    return ctx.loaders.populationsOfOrganization.load(org.id);
  }

  // Public facts of the record, like the figures of a breach: no guard, so no policy entry.
  @FieldResolver(() => [ReportedFigure], { description: 'Figures about the market as a whole (not about a breach) this organisation reported, with source and confidence: DREES counts 388 complementary health insurers in 2023, then by legal type (`organizationKind`). Newest year first, the total before its parts; empty for most organisations.' })
  marketFigures(@Root() org: OrganizationRow, @Ctx() ctx: RequestContext): Promise<ReportedFigureRow[]> {
    return marketFiguresReportedBy(ctx.db, org.id);
  }
}

/** Relation fields of an ownership link. */
@Resolver(() => Ownership)
export class OwnershipResolver {
  @FieldResolver(() => Organization, { description: 'The parent group or shareholder.' })
  owner(@Root() row: OwnershipRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, row.parentId);
  }

  @FieldResolver(() => Organization, { description: 'The organisation owned.' })
  owned(@Root() row: OwnershipRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, row.childId);
  }
}

/** Relation fields of a partnership. */
@Resolver(() => Partnership)
export class PartnershipResolver {
  @FieldResolver(() => Organization, { description: 'The client side (insurer, or network for NETWORK_OPERATOR).' })
  organization(@Root() row: PartnershipRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, row.organizationId);
  }

  @FieldResolver(() => Organization, { description: 'The provider side (the operator).' })
  partner(@Root() row: PartnershipRow, @Ctx() ctx: RequestContext): OrganizationRow | Promise<OrganizationRow> {
    return requireOrganization(ctx, row.partnerId);
  }
}
