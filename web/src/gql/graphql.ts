/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where a controller’s awareness date comes from. */
export type AwarenessBasis =
  /** The date its processor informed it (Art. 33(2)), as recorded. */
  | 'PROCESSOR_NOTIFIED'
  /** The record gives no date the controller became aware. */
  | 'UNKNOWN';

/** Kind of dated event in a breach timeline. */
export type BreachEventKind =
  | 'ACCESS_CUT'
  | 'CLIENTS_INFORMED'
  | 'COMPLAINT_FILED'
  | 'DATA_COLLECTED'
  | 'DETECTED'
  | 'DISCLOSED'
  | 'INQUIRY_OPENED'
  | 'INTRUSION'
  | 'REGULATOR_STATEMENT'
  | 'SERVICE_DOWN'
  | 'VICTIM_SUPPORT';

/** Whether the contract’s people were still the insurer’s clients on the breach’s reference date (the same rule as the mailing export’s `client_basis` column). */
export type ClientBasis =
  /** The contract was running on the reference date (no end date, or one on or after it). */
  | 'ACTIVE'
  /** The contract had ended before the reference date: a former client, reached because an operator still held the data. */
  | 'FORMER';

/** H: official text or several independent sources. M: one good source. L: one secondary source, a claim or an inference. */
export type Confidence =
  | 'H'
  | 'L'
  | 'M';

/** Where a count comes from. */
export type CountSource =
  /** Counted on contracts an insurer imported (`npm run import`, `importPortfolio`). */
  | 'IMPORTED'
  /** A figure of the public record (a reported affected count or population size), not counted in the graph. */
  | 'REPORTED'
  /** Counted on contracts loaded from a seed file that are not marked synthetic. */
  | 'SEEDED'
  /** Counted on a SYNTHETIC portfolio (invented contracts and people, for demonstration): not a real count. */
  | 'SYNTHETIC'
  /** Counted on contracts loaded before their origin was recorded. */
  | 'UNRECORDED';

/** Whether the graph holds an insurer’s contract portfolio. */
export type CoverageStatus =
  /** No contract of the insurer is loaded: its people and contracts are unknown (null), not 0. */
  | 'NO_PORTFOLIO_LOADED'
  /** Contracts of the insurer are loaded: its counts are counts (of the portfolio loaded, see its sources), and a 0 means none of them is reached. */
  | 'PORTFOLIO_LOADED';

/** How `notificationDuties` is sorted. */
export type DutyOrder =
  /** By controller name. */
  | 'CONTROLLER'
  /** Earliest CNIL deadline first; unknown deadlines last. */
  | 'DEADLINE'
  /** Most pressing first: LATE, NOT_RECORDED, UNKNOWN, ON_TIME. */
  | 'STATUS';

/** Whether the controller’s notification to the CNIL is recorded, and in time. */
export type DutyStatus =
  /** Notified after the deadline. */
  | 'LATE'
  /** No notification to the CNIL is recorded for this controller. */
  | 'NOT_RECORDED'
  /** Notified by the deadline (on the deadline day included: the record gives days, not hours). */
  | 'ON_TIME'
  /** A notification is recorded, but its date or the awareness date is unknown, so timeliness is unknown. */
  | 'UNKNOWN';

/** Whom among the data subjects of that kind an exposure is stated for; `scopeNote` says more. */
export type ExposureScope =
  /** Stated for all of them (no restriction in the record). */
  | 'ALL'
  /** Stated for the people of some insurers only, which ones not always said: a given insurer’s people may not be concerned. */
  | 'SOME_INSURERS'
  /** Stated for some of the subjects only (see `scopeNote`). */
  | 'SOME_SUBJECTS';

/** EXPOSED: reported taken. CLAIMED: a single unconfirmed claim. NOT_EXPOSED: stated not exposed by an authoritative source. */
export type ExposureStatus =
  | 'CLAIMED'
  | 'EXPOSED'
  | 'NOT_EXPOSED';

/** What a population figure measures. */
export type FigureMeasure =
  /** People of the population a breach affected, as a reported figure (metric AFFECTED_PEOPLE) counts them. */
  | 'AFFECTED_COUNT'
  /** The population’s reported size, used only when no figure gives its affected count: an upper bound of the affected, not a count of them. */
  | 'POPULATION_SIZE';

/** What a reported figure counts. One vocabulary for every source: a figure about who a breach reached is never typed like an organisation’s own count of its clients. */
export type FigureMetric =
  /** Documents (invoices) whose content a breach exposed. */
  | 'AFFECTED_INVOICES'
  /** People whose data a breach reached, as a source counted them (the CNIL’s "personnes concernées", an insurer’s count of its affected members). */
  | 'AFFECTED_PEOPLE'
  /** Complementary health insurers active in the market in a year (DREES); `organizationKind` narrows it to one legal type. */
  | 'MARKET_INSURERS'
  /** Insurers an operator works for (its clients). */
  | 'SERVED_INSURERS'
  /** People an organisation serves or covers in all (an operator’s insured people or beneficiaries), whether or not a breach reached them: an upper bound, never a count of affected people. */
  | 'SERVED_PEOPLE'
  /** Health professionals an operator works with. */
  | 'SERVED_PROFESSIONALS';

/** Art. 33(4): the information may be given in phases. */
export type NotificationPhase =
  /** A later notification completing an earlier one. */
  | 'COMPLEMENTARY'
  /** The first notification. */
  | 'INITIAL';

/** Role of a partner the data went through: the OPERATOR whose system was hit, a CARE_NETWORK, or an INTERMEDIARY that is neither (a broker such as Roederer, whose controllers the record does not name). */
export type PartnerRole =
  | 'CARE_NETWORK'
  | 'INTERMEDIARY'
  | 'OPERATOR';

/** ACTIVE: the flow was running on the reference date. RETAINED: it had ended, but the receiver still held the data (retention unknown or not yet run out). */
export type PathBasis =
  | 'ACTIVE'
  | 'RETAINED';

/** Art. 34: whether the controller told the people concerned, as recorded. */
export type PeopleNotificationDecision =
  /** A notification of the people by this controller is recorded (its date may be unknown). */
  | 'NOTIFIED'
  /** No notification of the people by this controller is recorded. */
  | 'NOT_RECORDED';

/** Kind of data subjects: INSURED people or health PROFESSIONALs. */
export type PopulationKind =
  | 'INSURED'
  | 'PROFESSIONAL';

/** Source of the reference date: AS_OF_ARGUMENT (the asOf argument), else INTRUSION (first intrusion or data-collection date), else DETECTION, else CLIENTS_INFORMED (the first day the operator informed its clients, the controllers: not a public date), else PUBLIC_DISCLOSURE (first public disclosure); UNKNOWN when the breach has no dated event. */
export type ReferenceDateBasis =
  | 'AS_OF_ARGUMENT'
  | 'CLIENTS_INFORMED'
  | 'DETECTION'
  | 'INTRUSION'
  | 'PUBLIC_DISCLOSURE'
  | 'UNKNOWN';

/** How the source qualifies a number: EXACT, ABOUT, MORE_THAN ("plus de"), FEWER_THAN. */
export type SizeQualifier =
  | 'ABOUT'
  | 'EXACT'
  | 'FEWER_THAN'
  | 'MORE_THAN';

export type DashboardCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardCatalogueQuery = { breaches: Array<{ id: string, name: string, summary: string | null, vector: string | null, victim: { id: string, name: string }, intrusion: { known: boolean, date: string | null }, detection: { known: boolean, date: string | null }, disclosure: { known: boolean, date: string | null }, timeline: Array<{ id: string, kind: BreachEventKind, date: string | null, description: string | null, sourceUrl: string | null, confidence: Confidence | null }> }> };

export type DashboardReportedPopulationsFragment = { kind: PopulationKind, largest: number | null, populations: number, populationsOfUnknownSize: number, figures: Array<{ value: number, qualifier: SizeQualifier | null, measure: FigureMeasure, population: { id: string, name: string } }> };

export type DashboardBreachImpactQueryVariables = Exact<{
  breachId: string | number;
}>;


export type DashboardBreachImpactQuery = { breachImpact: { referenceDate: string | null, referenceDateBasis: ReferenceDateBasis, freshness: { current: boolean, staleSince: string | null }, totals: { people: number | null, contracts: number | null, insurers: number, populations: number, populationsOfUnknownSize: number, suppressed: boolean, lowerBound: boolean, sources: Array<CountSource>, insurersWithPortfolio: number, insurersWithoutPortfolio: Array<{ id: string, name: string }>, reportedInsured: { kind: PopulationKind, largest: number | null, populations: number, populationsOfUnknownSize: number, figures: Array<{ value: number, qualifier: SizeQualifier | null, measure: FigureMeasure, population: { id: string, name: string } }> }, reportedProfessionals: { kind: PopulationKind, largest: number | null, populations: number, populationsOfUnknownSize: number, figures: Array<{ value: number, qualifier: SizeQualifier | null, measure: FigureMeasure, population: { id: string, name: string } }> } }, reportedFigures: Array<{ id: string, metric: FigureMetric, value: number | null, qualifier: SizeQualifier | null, text: string | null, date: string | null, confidence: Confidence | null, sourceUrl: string | null, year: number | null, reportedBy: { id: string, name: string } | null, about: { id: string, name: string } | null, caveats: Array<{ id: string, text: string, confidence: Confidence | null, sourceUrl: string | null }> }>, byInsurer: Array<{ people: number | null, contracts: number | null, suppressed: boolean, bases: Array<PathBasis>, insurer: { id: string, name: string }, operators: Array<{ id: string, name: string }>, coverage: { status: CoverageStatus, sources: Array<CountSource> } }>, byPartner: Array<{ role: PartnerRole, people: number | null, contracts: number | null, insurers: number | null, suppressed: boolean, partner: { id: string, name: string } }>, byCategory: Array<{ people: number | null, contracts: number | null, populations: number, subjects: Array<PopulationKind>, suppressed: boolean, category: { id: string, name: string, nameFr: string | null }, professionals: { kind: PopulationKind, largest: number | null, populations: number, populationsOfUnknownSize: number, figures: Array<{ value: number, qualifier: SizeQualifier | null, measure: FigureMeasure, population: { id: string, name: string } }> } | null }>, paths: Array<{ basis: PathBasis, system: { id: string, name: string }, operator: { id: string, name: string }, partner: { id: string, name: string } | null, controller: { id: string, name: string } | null, population: { id: string, kind: PopulationKind } }> }, breach: { id: string, exposures: Array<{ subjects: PopulationKind, status: ExposureStatus, scope: ExposureScope, scopeNote: string | null, confidence: Confidence | null, sourceUrl: string | null, category: { id: string, name: string, nameFr: string | null } }> } };

export type DashboardAcrossBreachesQueryVariables = Exact<{
  breachIds: Array<string | number> | string | number;
}>;


export type DashboardAcrossBreachesQuery = { affectedInsurers: Array<{ affectedByAll: boolean, insurer: { id: string, name: string }, breaches: Array<{ id: string }> }> };

export type DashboardCrossBreachQueryVariables = Exact<{
  breachIds: Array<string | number> | string | number;
}>;


export type DashboardCrossBreachQuery = { crossBreachImpact: { computed: boolean, lowerBound: boolean, sources: Array<CountSource>, insurersWithoutPortfolio: Array<{ id: string, name: string }>, freshness: { current: boolean, staleSince: string | null }, referenceDates: Array<{ referenceDate: string | null, breach: { id: string, name: string } }>, distinct: { people: number | null, contracts: number | null, suppressed: boolean }, byAddition: { people: number | null, contracts: number | null, suppressed: boolean }, inSeveral: { people: number | null, contracts: number | null, suppressed: boolean }, combinedExposure: { people: number | null, contracts: number | null, suppressed: boolean }, byBreach: Array<{ people: number | null, contracts: number | null, suppressed: boolean, breach: { id: string, name: string } }>, byBreachCombination: Array<{ people: number | null, contracts: number | null, suppressed: boolean, breaches: Array<{ id: string, name: string }> }> } };

export type DashboardDutiesQueryVariables = Exact<{
  breachId: string | number;
  orderBy: DutyOrder;
}>;


export type DashboardDutiesQuery = { notificationDuties: Array<{ awarenessDate: string | null, awarenessBasis: AwarenessBasis, cnilDeadline: string | null, cnilDeadlineText: string, status: DutyStatus, statusNote: string, peopleNotification: PeopleNotificationDecision, peopleNotificationText: string, peopleNotifiedOn: string | null, controller: { id: string, name: string }, awarenessNotification: { id: string, date: string | null, sourceUrl: string | null, confidence: Confidence | null, actor: { id: string, name: string } } | null, cnilNotifications: Array<{ id: string, date: string | null, phase: NotificationPhase | null, sourceUrl: string | null, confidence: Confidence | null }> }> };

export type InsurerOwnTotalsQueryVariables = Exact<{
  breachId: string | number;
}>;


export type InsurerOwnTotalsQuery = { breachImpact: { referenceDate: string | null, freshness: { current: boolean, staleSince: string | null }, totals: { people: number | null, contracts: number | null, suppressed: boolean } } };

export type InsurerAffectedContractsQueryVariables = Exact<{
  breachId: string | number;
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type InsurerAffectedContractsQuery = { affectedContracts: { totalCount: number, referenceDate: string | null, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { beneficiaryCount: number, dependantCount: number, clientBasis: ClientBasis, contract: { id: string, number: string, product: string | null, startDate: string, endDate: string | null, insurer: { id: string, name: string } }, exposures: Array<{ status: ExposureStatus, scope: ExposureScope, scopeNote: string | null, confidence: Confidence | null, category: { id: string, name: string, nameFr: string | null } }>, paths: Array<{ basis: PathBasis, system: { name: string }, operator: { name: string }, partner: { name: string } | null, controller: { id: string, name: string } | null }> } }> } };

export type InsurerMemberExposureQueryVariables = Exact<{
  nir: string;
}>;


export type InsurerMemberExposureQuery = { memberExposure: { contracts: Array<{ role: string, contract: { id: string, number: string } }>, breaches: Array<{ breach: { id: string, name: string }, contract: { id: string, number: string }, exposedCategories: Array<{ id: string, name: string, nameFr: string | null }>, paths: Array<{ basis: PathBasis, operator: { name: string }, partner: { name: string } | null }> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DashboardReportedPopulationsFragmentDoc = new TypedDocumentString(`
    fragment DashboardReportedPopulations on ReportedPopulations {
  kind
  largest
  populations
  populationsOfUnknownSize
  figures {
    value
    qualifier
    measure
    population {
      id
      name
    }
  }
}
    `, {"fragmentName":"DashboardReportedPopulations"}) as unknown as TypedDocumentString<DashboardReportedPopulationsFragment, unknown>;
export const DashboardCatalogueDocument = new TypedDocumentString(`
    query DashboardCatalogue {
  breaches {
    id
    name
    summary
    vector
    victim {
      id
      name
    }
    intrusion {
      known
      date
    }
    detection {
      known
      date
    }
    disclosure {
      known
      date
    }
    timeline {
      id
      kind
      date
      description
      sourceUrl
      confidence
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCatalogueQuery, DashboardCatalogueQueryVariables>;
export const DashboardBreachImpactDocument = new TypedDocumentString(`
    query DashboardBreachImpact($breachId: ID!) {
  breachImpact(breachId: $breachId) {
    referenceDate
    referenceDateBasis
    freshness {
      current
      staleSince
    }
    totals {
      people
      contracts
      insurers
      populations
      populationsOfUnknownSize
      suppressed
      lowerBound
      sources
      insurersWithPortfolio
      insurersWithoutPortfolio {
        id
        name
      }
      reportedInsured {
        ...DashboardReportedPopulations
      }
      reportedProfessionals {
        ...DashboardReportedPopulations
      }
    }
    reportedFigures {
      id
      metric
      value
      qualifier
      text
      date
      confidence
      sourceUrl
      year
      reportedBy {
        id
        name
      }
      about {
        id
        name
      }
      caveats {
        id
        text
        confidence
        sourceUrl
      }
    }
    byInsurer {
      insurer {
        id
        name
      }
      people
      contracts
      suppressed
      bases
      operators {
        id
        name
      }
      coverage {
        status
        sources
      }
    }
    byPartner {
      partner {
        id
        name
      }
      role
      people
      contracts
      insurers
      suppressed
    }
    byCategory {
      category {
        id
        name
        nameFr
      }
      people
      contracts
      populations
      subjects
      suppressed
      professionals {
        ...DashboardReportedPopulations
      }
    }
    paths {
      basis
      system {
        id
        name
      }
      operator {
        id
        name
      }
      partner {
        id
        name
      }
      controller {
        id
        name
      }
      population {
        id
        kind
      }
    }
  }
  breach(id: $breachId) {
    id
    exposures {
      subjects
      status
      scope
      scopeNote
      confidence
      sourceUrl
      category {
        id
        name
        nameFr
      }
    }
  }
}
    fragment DashboardReportedPopulations on ReportedPopulations {
  kind
  largest
  populations
  populationsOfUnknownSize
  figures {
    value
    qualifier
    measure
    population {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<DashboardBreachImpactQuery, DashboardBreachImpactQueryVariables>;
export const DashboardAcrossBreachesDocument = new TypedDocumentString(`
    query DashboardAcrossBreaches($breachIds: [ID!]!) {
  affectedInsurers(breachIds: $breachIds) {
    insurer {
      id
      name
    }
    affectedByAll
    breaches {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardAcrossBreachesQuery, DashboardAcrossBreachesQueryVariables>;
export const DashboardCrossBreachDocument = new TypedDocumentString(`
    query DashboardCrossBreach($breachIds: [ID!]!) {
  crossBreachImpact(breachIds: $breachIds) {
    computed
    lowerBound
    sources
    insurersWithoutPortfolio {
      id
      name
    }
    freshness {
      current
      staleSince
    }
    referenceDates {
      breach {
        id
        name
      }
      referenceDate
    }
    distinct {
      people
      contracts
      suppressed
    }
    byAddition {
      people
      contracts
      suppressed
    }
    inSeveral {
      people
      contracts
      suppressed
    }
    combinedExposure {
      people
      contracts
      suppressed
    }
    byBreach {
      breach {
        id
        name
      }
      people
      contracts
      suppressed
    }
    byBreachCombination {
      breaches {
        id
        name
      }
      people
      contracts
      suppressed
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCrossBreachQuery, DashboardCrossBreachQueryVariables>;
export const DashboardDutiesDocument = new TypedDocumentString(`
    query DashboardDuties($breachId: ID!, $orderBy: DutyOrder!) {
  notificationDuties(breachId: $breachId, orderBy: $orderBy) {
    controller {
      id
      name
    }
    awarenessDate
    awarenessBasis
    awarenessNotification {
      id
      date
      sourceUrl
      confidence
      actor {
        id
        name
      }
    }
    cnilDeadline
    cnilDeadlineText
    status
    statusNote
    cnilNotifications {
      id
      date
      phase
      sourceUrl
      confidence
    }
    peopleNotification
    peopleNotificationText
    peopleNotifiedOn
  }
}
    `) as unknown as TypedDocumentString<DashboardDutiesQuery, DashboardDutiesQueryVariables>;
export const InsurerOwnTotalsDocument = new TypedDocumentString(`
    query InsurerOwnTotals($breachId: ID!) {
  breachImpact(breachId: $breachId) {
    referenceDate
    freshness {
      current
      staleSince
    }
    totals {
      people
      contracts
      suppressed
    }
  }
}
    `) as unknown as TypedDocumentString<InsurerOwnTotalsQuery, InsurerOwnTotalsQueryVariables>;
export const InsurerAffectedContractsDocument = new TypedDocumentString(`
    query InsurerAffectedContracts($breachId: ID!, $first: Int!, $after: String, $search: String) {
  affectedContracts(
    breachId: $breachId
    first: $first
    after: $after
    search: $search
  ) {
    totalCount
    referenceDate
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        beneficiaryCount
        dependantCount
        clientBasis
        contract {
          id
          number
          product
          startDate
          endDate
          insurer {
            id
            name
          }
        }
        exposures {
          status
          scope
          scopeNote
          confidence
          category {
            id
            name
            nameFr
          }
        }
        paths {
          basis
          system {
            name
          }
          operator {
            name
          }
          partner {
            name
          }
          controller {
            id
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InsurerAffectedContractsQuery, InsurerAffectedContractsQueryVariables>;
export const InsurerMemberExposureDocument = new TypedDocumentString(`
    query InsurerMemberExposure($nir: String!) {
  memberExposure(nir: $nir) {
    contracts {
      role
      contract {
        id
        number
      }
    }
    breaches {
      breach {
        id
        name
      }
      contract {
        id
        number
      }
      exposedCategories {
        id
        name
        nameFr
      }
      paths {
        basis
        operator {
          name
        }
        partner {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InsurerMemberExposureQuery, InsurerMemberExposureQueryVariables>;