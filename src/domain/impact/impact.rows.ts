import type { ProvenanceRow } from '../common/provenance';

/** The id a what-if's paths (simulateBreach) carry in place of a breach id: it names no breach, so no hop names it. */
export const WHAT_IF_ID = 'what-if';

/** One qualifying path of a breach to a population (see cypher/impact/impact-paths.cypher). */
export interface ImpactPathRow extends ProvenanceRow {
  flowId: string;
  systemId: string;
  operatorId: string;
  populationId: string;
  populationKind: string;
  /** The flow's GDPR controller; null when the record does not name it (a broker's flow: the insurers behind it are unknown). */
  controllerId: string | null;
  processorId: string;
  subProcessorId: string | null;
  viaId: string | null;
  /** What the `viaId` organisation is: a care network, or another intermediary (a broker); null without one. */
  viaRole?: 'CARE_NETWORK' | 'INTERMEDIARY' | null;
  basis: 'ACTIVE' | 'RETAINED';
  retentionMonths: number | null;
  flowValidFrom: string | null;
  flowValidTo: string | null;
  /** The population's recorded cut-off (ISO date): contracts started later were not in the data (reach/contract-reached); null when none. */
  populationCutOff: string | null;
  note: string | null;
  exposedCategoryIds: string[];
  /** Care networks the path's reached contracts go through, '' for those through none; [] when no contract is reached or the flow goes via an intermediary. */
  networkRoutes?: string[];
}

/** The population-level answer for one breach on one reference date. */
export interface ImpactPathsRow {
  breachId: string;
  asOf: string | null;
  referenceDate: string | null;
  referenceDateBasis: string;
  paths: ImpactPathRow[];
}

/** A contract/people count for one group (an insurer, a partner, a category). */
export interface CountRow {
  id: string;
  people: number;
  contracts: number;
  insurers?: number;
  role?: 'OPERATOR' | 'CARE_NETWORK' | 'INTERMEDIARY';
}

/** Contract-level totals of one impact request. */
export interface ContractAggregatesRow {
  key: string;
  people: number;
  contracts: number;
  byInsurer: CountRow[];
  byOperator: CountRow[];
  byNetwork: CountRow[];
  byCategory: CountRow[];
  /**
   * The care networks the counted contracts of each path go through ('' for none), one entry per
   * path and network; paths through an intermediary have none (see `routesFromAggregates`).
   */
  routes?: AggregateRoute[];
}

/** A path (by system, operator and flow) and one care network its counted contracts go through. */
export interface AggregateRoute {
  systemId: string;
  operatorId: string;
  flowId: string;
  /** '' when the contracts go through no care network. */
  networkId: string;
}

/** One insurer's own share of an impact request (its contracts, reached through its own paths). */
export interface TenantAggregatesRow {
  id: string;
  people: number;
  contracts: number;
  byOperator: CountRow[];
  byNetwork: CountRow[];
  byCategory: CountRow[];
}

/** Contract-level totals of one impact request, with every insurer's own share. */
export interface ContractAggregatesWithTenantsRow extends ContractAggregatesRow {
  tenants: TenantAggregatesRow[];
}
