import type { ImpactPathRow } from '../impact/impact.rows';

/** A (synthetic or imported) contract as read from the graph. */
export interface ContractRow {
  id: string;
  number: string;
  insurerId: string;
  product: string | null;
  operatorId: string | null;
  networkId: string | null;
  startDate: string;
  endDate: string | null;
  synthetic: boolean;
}

/** One affected contract of a page, with the paths that reach it. */
export interface AffectedContractRow {
  contract: ContractRow;
  paths: Array<ImpactPathRow & { networkId: string | null }>;
  beneficiaryCount: number;
  dependants: number;
}
