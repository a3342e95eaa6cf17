import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker';
import { AuditResolver } from './audit/audit.resolver';
import { RegisterBreachResolver } from './breach/register-breach.resolver';
import { PortfolioImportResolver } from './portfolio/portfolio.resolver';
import { MemberBreachExposureResolver, MemberExposureResolver } from './member/member.resolver';
import {
  BreachResolver,
  CompromisedSystemResolver,
  ExposureResolver,
  ReportedFigureResolver,
} from './breach/breach.resolver';
import {
  AccessChannelResolver,
  DataCategoryResolver,
  DataFlowResolver,
  PopulationResolver,
  SystemResolver,
} from './catalogue/catalogue.resolver';
import { AffectedContractEdgeResolver, AffectedContractResolver, AffectedContractsResolver, ContractResolver } from './contract/contract.resolver';
import {
  AffectedInsurerResolver,
  BreachImpactFieldResolver,
  BreachImpactResolver,
  CategoryImpactResolver,
  ImpactPathResolver,
  ImpactTotalsResolver,
  InsurerImpactResolver,
  PartnerImpactResolver,
  PathHopResolver,
  PopulationFigureResolver,
  ReportedPopulationsResolver,
} from './impact/impact.resolver';
import { BreachExportResolver } from './exchange/exchange.resolver';
import { LineageExportResolver } from './exchange/lineage-export.resolver';
import { LineageResolver } from './lineage/lineage.resolver';
import {
  CrossBreachByBreachResolver,
  CrossBreachCategoryCombinationResolver,
  CrossBreachCategoryResolver,
  CrossBreachCombinationResolver,
  CrossBreachImpactResolver,
  CrossBreachReferenceDateResolver,
  MemberCombinedExposureFieldResolver,
  MemberCombinedExposureResolver,
} from './crossbreach/crossbreach.resolver';
import { BreachSeverityFieldResolver, SeverityResolver } from './severity/severity.resolver';
import { ControllerDutyResolver, NotificationResolver } from './notification/notification.resolver';
import { NotificationDraftResolver } from './notification/draft.resolver';
import { SimulateBreachResolver } from './simulate/simulate.resolver';
import { OrganizationResolver, OwnershipResolver, PartnershipResolver } from './organization/organization.resolver';

/** Every resolver class, one list so the schema and its SDL snapshot cannot drift apart. */
export const RESOLVERS = [
  AuditResolver,
  RegisterBreachResolver,
  PortfolioImportResolver,
  MemberExposureResolver,
  MemberBreachExposureResolver,
  BreachResolver,
  ExposureResolver,
  CompromisedSystemResolver,
  ReportedFigureResolver,
  BreachImpactResolver,
  BreachImpactFieldResolver,
  ImpactTotalsResolver,
  ImpactPathResolver,
  PathHopResolver,
  PopulationFigureResolver,
  ReportedPopulationsResolver,
  InsurerImpactResolver,
  PartnerImpactResolver,
  CategoryImpactResolver,
  AffectedInsurerResolver,
  AffectedContractsResolver,
  AffectedContractResolver,
  AffectedContractEdgeResolver,
  ContractResolver,
  BreachExportResolver,
  LineageExportResolver,
  LineageResolver,
  CrossBreachImpactResolver,
  CrossBreachByBreachResolver,
  CrossBreachReferenceDateResolver,
  CrossBreachCombinationResolver,
  CrossBreachCategoryCombinationResolver,
  CrossBreachCategoryResolver,
  MemberCombinedExposureFieldResolver,
  MemberCombinedExposureResolver,
  SeverityResolver,
  BreachSeverityFieldResolver,
  SimulateBreachResolver,
  OrganizationResolver,
  OwnershipResolver,
  PartnershipResolver,
  DataCategoryResolver,
  SystemResolver,
  AccessChannelResolver,
  PopulationResolver,
  DataFlowResolver,
  NotificationResolver,
  ControllerDutyResolver,
  NotificationDraftResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** Builds the executable schema once per process (type-graphql metadata is global anyway). */
export function createSchema(): Promise<GraphQLSchema> {
  // Arguments are checked by hand where they are used, with messages naming the bad value;
  // class-validator would add a second, less precise, error format.
  built ??= buildSchema({ resolvers: [...RESOLVERS] as unknown as [Function, ...Function[]], validate: false, authChecker, authMode: 'error' }).then((schema) => {
    // type-graphql gives no way to describe the root type; Sandbox shows this on its first page.
    schema.getQueryType()!.description =
      'breach-impact: who is affected by which breach, through which partner. Start with `breaches`, then `breachImpact`, `affectedInsurers`, `affectedContracts` and `lineage`.';
    schema.getMutationType()!.description = 'Writes, for ADMIN tokens only.';
    return schema;
  });
  return built;
}
