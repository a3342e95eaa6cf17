/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DashboardCatalogue {\n    breaches {\n      id\n      name\n      summary\n      vector\n      victim { id name }\n      intrusion { known date }\n      detection { known date }\n      disclosure { known date }\n      timeline { id kind date description sourceUrl confidence }\n    }\n  }\n": typeof types.DashboardCatalogueDocument,
    "\n  query DashboardBreachImpact($breachId: ID!) {\n    breachImpact(breachId: $breachId) {\n      referenceDate\n      referenceDateBasis\n      totals { people contracts insurers populations populationsOfUnknownSize suppressed }\n      reportedFigures {\n        id metric value qualifier text date confidence sourceUrl year\n        reportedBy { id name }\n        about { id name }\n        caveats { id text confidence sourceUrl }\n      }\n      byInsurer { insurer { id name } people contracts suppressed bases operators { id name } }\n      byPartner { partner { id name } role people contracts insurers suppressed }\n      byCategory { category { id name } people contracts populations subjects suppressed }\n      paths {\n        basis\n        system { id name }\n        operator { id name }\n        partner { id name }\n        controller { id name }\n        population { id kind }\n      }\n    }\n    breach(id: $breachId) {\n      id\n      exposures { subjects status scope scopeNote confidence sourceUrl category { id name } }\n    }\n  }\n": typeof types.DashboardBreachImpactDocument,
    "\n  query DashboardAcrossBreaches($breachIds: [ID!]!) {\n    affectedInsurers(breachIds: $breachIds) {\n      insurer { id name }\n      affectedByAll\n      breaches { id }\n    }\n  }\n": typeof types.DashboardAcrossBreachesDocument,
    "\n  query DashboardCrossBreach($breachIds: [ID!]!) {\n    crossBreachImpact(breachIds: $breachIds) {\n      computed\n      referenceDates { breach { id name } referenceDate }\n      distinct { people contracts suppressed }\n      byAddition { people contracts suppressed }\n      inSeveral { people contracts suppressed }\n      combinedExposure { people contracts suppressed }\n      byBreach { breach { id name } people contracts suppressed }\n      byBreachCombination { breaches { id name } people contracts suppressed }\n    }\n  }\n": typeof types.DashboardCrossBreachDocument,
    "\n  query DashboardDuties($breachId: ID!, $orderBy: DutyOrder!) {\n    notificationDuties(breachId: $breachId, orderBy: $orderBy) {\n      controller { id name }\n      awarenessDate\n      awarenessBasis\n      awarenessNotification { id date sourceUrl confidence actor { id name } }\n      cnilDeadline\n      cnilDeadlineText\n      status\n      statusNote\n      cnilNotifications { id date phase sourceUrl confidence }\n      peopleNotification\n      peopleNotificationText\n      peopleNotifiedOn\n    }\n  }\n": typeof types.DashboardDutiesDocument,
    "\n  query InsurerOwnTotals($breachId: ID!) {\n    breachImpact(breachId: $breachId) {\n      referenceDate\n      totals { people contracts suppressed }\n    }\n  }\n": typeof types.InsurerOwnTotalsDocument,
    "\n  query InsurerAffectedContracts($breachId: ID!, $first: Int!, $after: String) {\n    affectedContracts(breachId: $breachId, first: $first, after: $after) {\n      totalCount\n      referenceDate\n      pageInfo { endCursor hasNextPage }\n      edges {\n        cursor\n        node {\n          beneficiaryCount\n          dependantCount\n          contract { id number product startDate endDate insurer { id name } }\n          exposedCategories { id name }\n          exposures { status scope scopeNote category { id } }\n          paths { basis system { name } operator { name } partner { name } controller { id name } }\n        }\n      }\n    }\n  }\n": typeof types.InsurerAffectedContractsDocument,
    "\n  query InsurerMemberExposure($nir: String!) {\n    memberExposure(nir: $nir) {\n      contracts { role contract { id number } }\n      breaches {\n        breach { id name }\n        contract { id number }\n        exposedCategories { id name }\n        paths { basis operator { name } partner { name } }\n      }\n    }\n  }\n": typeof types.InsurerMemberExposureDocument,
};
const documents: Documents = {
    "\n  query DashboardCatalogue {\n    breaches {\n      id\n      name\n      summary\n      vector\n      victim { id name }\n      intrusion { known date }\n      detection { known date }\n      disclosure { known date }\n      timeline { id kind date description sourceUrl confidence }\n    }\n  }\n": types.DashboardCatalogueDocument,
    "\n  query DashboardBreachImpact($breachId: ID!) {\n    breachImpact(breachId: $breachId) {\n      referenceDate\n      referenceDateBasis\n      totals { people contracts insurers populations populationsOfUnknownSize suppressed }\n      reportedFigures {\n        id metric value qualifier text date confidence sourceUrl year\n        reportedBy { id name }\n        about { id name }\n        caveats { id text confidence sourceUrl }\n      }\n      byInsurer { insurer { id name } people contracts suppressed bases operators { id name } }\n      byPartner { partner { id name } role people contracts insurers suppressed }\n      byCategory { category { id name } people contracts populations subjects suppressed }\n      paths {\n        basis\n        system { id name }\n        operator { id name }\n        partner { id name }\n        controller { id name }\n        population { id kind }\n      }\n    }\n    breach(id: $breachId) {\n      id\n      exposures { subjects status scope scopeNote confidence sourceUrl category { id name } }\n    }\n  }\n": types.DashboardBreachImpactDocument,
    "\n  query DashboardAcrossBreaches($breachIds: [ID!]!) {\n    affectedInsurers(breachIds: $breachIds) {\n      insurer { id name }\n      affectedByAll\n      breaches { id }\n    }\n  }\n": types.DashboardAcrossBreachesDocument,
    "\n  query DashboardCrossBreach($breachIds: [ID!]!) {\n    crossBreachImpact(breachIds: $breachIds) {\n      computed\n      referenceDates { breach { id name } referenceDate }\n      distinct { people contracts suppressed }\n      byAddition { people contracts suppressed }\n      inSeveral { people contracts suppressed }\n      combinedExposure { people contracts suppressed }\n      byBreach { breach { id name } people contracts suppressed }\n      byBreachCombination { breaches { id name } people contracts suppressed }\n    }\n  }\n": types.DashboardCrossBreachDocument,
    "\n  query DashboardDuties($breachId: ID!, $orderBy: DutyOrder!) {\n    notificationDuties(breachId: $breachId, orderBy: $orderBy) {\n      controller { id name }\n      awarenessDate\n      awarenessBasis\n      awarenessNotification { id date sourceUrl confidence actor { id name } }\n      cnilDeadline\n      cnilDeadlineText\n      status\n      statusNote\n      cnilNotifications { id date phase sourceUrl confidence }\n      peopleNotification\n      peopleNotificationText\n      peopleNotifiedOn\n    }\n  }\n": types.DashboardDutiesDocument,
    "\n  query InsurerOwnTotals($breachId: ID!) {\n    breachImpact(breachId: $breachId) {\n      referenceDate\n      totals { people contracts suppressed }\n    }\n  }\n": types.InsurerOwnTotalsDocument,
    "\n  query InsurerAffectedContracts($breachId: ID!, $first: Int!, $after: String) {\n    affectedContracts(breachId: $breachId, first: $first, after: $after) {\n      totalCount\n      referenceDate\n      pageInfo { endCursor hasNextPage }\n      edges {\n        cursor\n        node {\n          beneficiaryCount\n          dependantCount\n          contract { id number product startDate endDate insurer { id name } }\n          exposedCategories { id name }\n          exposures { status scope scopeNote category { id } }\n          paths { basis system { name } operator { name } partner { name } controller { id name } }\n        }\n      }\n    }\n  }\n": types.InsurerAffectedContractsDocument,
    "\n  query InsurerMemberExposure($nir: String!) {\n    memberExposure(nir: $nir) {\n      contracts { role contract { id number } }\n      breaches {\n        breach { id name }\n        contract { id number }\n        exposedCategories { id name }\n        paths { basis operator { name } partner { name } }\n      }\n    }\n  }\n": types.InsurerMemberExposureDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardCatalogue {\n    breaches {\n      id\n      name\n      summary\n      vector\n      victim { id name }\n      intrusion { known date }\n      detection { known date }\n      disclosure { known date }\n      timeline { id kind date description sourceUrl confidence }\n    }\n  }\n"): typeof import('./graphql').DashboardCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardBreachImpact($breachId: ID!) {\n    breachImpact(breachId: $breachId) {\n      referenceDate\n      referenceDateBasis\n      totals { people contracts insurers populations populationsOfUnknownSize suppressed }\n      reportedFigures {\n        id metric value qualifier text date confidence sourceUrl year\n        reportedBy { id name }\n        about { id name }\n        caveats { id text confidence sourceUrl }\n      }\n      byInsurer { insurer { id name } people contracts suppressed bases operators { id name } }\n      byPartner { partner { id name } role people contracts insurers suppressed }\n      byCategory { category { id name } people contracts populations subjects suppressed }\n      paths {\n        basis\n        system { id name }\n        operator { id name }\n        partner { id name }\n        controller { id name }\n        population { id kind }\n      }\n    }\n    breach(id: $breachId) {\n      id\n      exposures { subjects status scope scopeNote confidence sourceUrl category { id name } }\n    }\n  }\n"): typeof import('./graphql').DashboardBreachImpactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardAcrossBreaches($breachIds: [ID!]!) {\n    affectedInsurers(breachIds: $breachIds) {\n      insurer { id name }\n      affectedByAll\n      breaches { id }\n    }\n  }\n"): typeof import('./graphql').DashboardAcrossBreachesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardCrossBreach($breachIds: [ID!]!) {\n    crossBreachImpact(breachIds: $breachIds) {\n      computed\n      referenceDates { breach { id name } referenceDate }\n      distinct { people contracts suppressed }\n      byAddition { people contracts suppressed }\n      inSeveral { people contracts suppressed }\n      combinedExposure { people contracts suppressed }\n      byBreach { breach { id name } people contracts suppressed }\n      byBreachCombination { breaches { id name } people contracts suppressed }\n    }\n  }\n"): typeof import('./graphql').DashboardCrossBreachDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardDuties($breachId: ID!, $orderBy: DutyOrder!) {\n    notificationDuties(breachId: $breachId, orderBy: $orderBy) {\n      controller { id name }\n      awarenessDate\n      awarenessBasis\n      awarenessNotification { id date sourceUrl confidence actor { id name } }\n      cnilDeadline\n      cnilDeadlineText\n      status\n      statusNote\n      cnilNotifications { id date phase sourceUrl confidence }\n      peopleNotification\n      peopleNotificationText\n      peopleNotifiedOn\n    }\n  }\n"): typeof import('./graphql').DashboardDutiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InsurerOwnTotals($breachId: ID!) {\n    breachImpact(breachId: $breachId) {\n      referenceDate\n      totals { people contracts suppressed }\n    }\n  }\n"): typeof import('./graphql').InsurerOwnTotalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InsurerAffectedContracts($breachId: ID!, $first: Int!, $after: String) {\n    affectedContracts(breachId: $breachId, first: $first, after: $after) {\n      totalCount\n      referenceDate\n      pageInfo { endCursor hasNextPage }\n      edges {\n        cursor\n        node {\n          beneficiaryCount\n          dependantCount\n          contract { id number product startDate endDate insurer { id name } }\n          exposedCategories { id name }\n          exposures { status scope scopeNote category { id } }\n          paths { basis system { name } operator { name } partner { name } controller { id name } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').InsurerAffectedContractsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InsurerMemberExposure($nir: String!) {\n    memberExposure(nir: $nir) {\n      contracts { role contract { id number } }\n      breaches {\n        breach { id name }\n        contract { id number }\n        exposedCategories { id name }\n        paths { basis operator { name } partner { name } }\n      }\n    }\n  }\n"): typeof import('./graphql').InsurerMemberExposureDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
