import { graphql } from '../gql';

/**
 * Every operation the dashboard sends, typed by GraphQL Code Generator from schema/schema.graphql
 * (`npm run codegen`). Each figure on the page comes from one of these, and links to it in the
 * explorer.
 */

/** The breach catalogue with each breach's timeline (dates with source and confidence). */
export const CatalogueDocument = graphql(`
  query DashboardCatalogue {
    breaches {
      id
      name
      summary
      vector
      victim { id name }
      intrusion { known date }
      detection { known date }
      disclosure { known date }
      timeline { id kind date description sourceUrl confidence }
    }
  }
`);

/** Reported figures of one kind of people (insured or professionals), as the dashboard shows them. */
export const ReportedPopulationsFragment = graphql(`
  fragment DashboardReportedPopulations on ReportedPopulations {
    kind
    largest
    populations
    populationsOfUnknownSize
    figures { value qualifier measure population { id name } }
  }
`);

/**
 * The impact of one breach: totals with their coverage (lower bound, the portfolios' sources, the
 * insurers with none loaded) and the reported figures of insured people and professionals beside
 * them, reported figures, by insurer (with its portfolio's coverage), partner and category (with
 * its professionals), and the paths.
 */
export const BreachImpactDocument = graphql(`
  query DashboardBreachImpact($breachId: ID!) {
    breachImpact(breachId: $breachId) {
      referenceDate
      referenceDateBasis
      freshness { current staleSince }
      totals {
        people contracts insurers populations populationsOfUnknownSize suppressed
        lowerBound sources insurersWithPortfolio
        insurersWithoutPortfolio { id name }
        reportedInsured { ...DashboardReportedPopulations }
        reportedProfessionals { ...DashboardReportedPopulations }
      }
      reportedFigures {
        id metric value qualifier text date confidence sourceUrl year
        reportedBy { id name }
        about { id name }
        caveats { id text confidence sourceUrl }
      }
      byInsurer { insurer { id name } people contracts suppressed bases operators { id name } coverage { status sources } }
      byPartner { partner { id name } role people contracts insurers suppressed }
      byCategory {
        category { id name nameFr } people contracts populations subjects suppressed
        professionals { ...DashboardReportedPopulations }
      }
      paths {
        basis
        system { id name }
        operator { id name }
        partner { id name }
        controller { id name }
        population { id kind }
      }
    }
    breach(id: $breachId) {
      id
      exposures { subjects status scope scopeNote confidence sourceUrl category { id name nameFr } }
    }
  }
`);

/** Insurers reached by several breaches at once (what the schema offers across breaches today). */
export const AcrossBreachesDocument = graphql(`
  query DashboardAcrossBreaches($breachIds: [ID!]!) {
    affectedInsurers(breachIds: $breachIds) {
      insurer { id name }
      affectedByAll
      breaches { id }
    }
  }
`);

/**
 * People and contracts across the chosen breaches, each counted once (crossBreachImpact): the
 * distinct total beside the naive sum, who is in several, each breach's own, the Venn cells.
 */
export const CrossBreachDocument = graphql(`
  query DashboardCrossBreach($breachIds: [ID!]!) {
    crossBreachImpact(breachIds: $breachIds) {
      computed
      lowerBound
      sources
      insurersWithoutPortfolio { id name }
      freshness { current staleSince }
      referenceDates { breach { id name } referenceDate }
      distinct { people contracts suppressed }
      byAddition { people contracts suppressed }
      inSeveral { people contracts suppressed }
      combinedExposure { people contracts suppressed }
      byBreach { breach { id name } people contracts suppressed }
      byBreachCombination { breaches { id name } people contracts suppressed }
    }
  }
`);

/**
 * The notification duties of one breach (REGULATOR only): who had to notify whom and by when
 * (processor → controller, controller → CNIL within 72 h, controller → people), and the status.
 */
export const DutiesDocument = graphql(`
  query DashboardDuties($breachId: ID!, $orderBy: DutyOrder!) {
    notificationDuties(breachId: $breachId, orderBy: $orderBy) {
      controller { id name }
      awarenessDate
      awarenessBasis
      awarenessNotification { id date sourceUrl confidence actor { id name } }
      cnilDeadline
      cnilDeadlineText
      status
      statusNote
      cnilNotifications { id date phase sourceUrl confidence }
      peopleNotification
      peopleNotificationText
      peopleNotifiedOn
    }
  }
`);

/** An insurer's own totals for one breach (INSURER token: its own share, exact). */
export const OwnTotalsDocument = graphql(`
  query InsurerOwnTotals($breachId: ID!) {
    breachImpact(breachId: $breachId) {
      referenceDate
      freshness { current staleSince }
      totals { people contracts suppressed }
    }
  }
`);

/**
 * One page of the insurer's affected contracts (only those whose number starts with `$search`,
 * when given), each with whether it was still a client (clientBasis), its paths and the caveats of
 * each exposure of its data.
 */
export const AffectedContractsDocument = graphql(`
  query InsurerAffectedContracts($breachId: ID!, $first: Int!, $after: String, $search: String) {
    affectedContracts(breachId: $breachId, first: $first, after: $after, search: $search) {
      totalCount
      referenceDate
      pageInfo { endCursor hasNextPage }
      edges {
        cursor
        node {
          beneficiaryCount
          dependantCount
          clientBasis
          contract { id number product startDate endDate insurer { id name } }
          exposures { status scope scopeNote confidence category { id name nameFr } }
          paths { basis system { name } operator { name } partner { name } controller { id name } }
        }
      }
    }
  }
`);

/** Which breaches expose one member, looked up by NIR (sent as a variable, in the POST body). */
export const MemberExposureDocument = graphql(`
  query InsurerMemberExposure($nir: String!) {
    memberExposure(nir: $nir) {
      contracts { role contract { id number } }
      breaches {
        breach { id name }
        contract { id number }
        exposedCategories { id name nameFr }
        paths { basis operator { name } partner { name } }
      }
    }
  }
`);
