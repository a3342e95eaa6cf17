import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { CountSource, CoverageStatus } from '../common/enums';

const Q = { coverage: cypher('impact/portfolio-coverage') };

// The vocabularies are the GraphQL enums' (one list each, domain/common/enums).
export type { CountSource, CoverageStatus } from '../common/enums';

/** What the graph holds of one insurer's contract portfolio. */
export interface PortfolioCoverageRow {
  insurerId: string;
  status: CoverageStatus;
  /** Origins of its contracts (SYNTHETIC, SEEDED, IMPORTED; UNRECORDED when loaded before origins were recorded); empty when nothing is loaded. */
  sources: CountSource[];
  /** Seed datasets its contracts came from. */
  datasets: string[];
  /** When an import last wrote its contracts (ISO date-time); null when never imported. */
  lastImportedAt: string | null;
}

/**
 * The portfolio coverage of several insurers, in the order asked. A contract of the insurer in the
 * graph is what makes it PORTFOLIO_LOADED (an index seek); the origins and datasets are those the
 * seed and import statements record on the insurer when they write its contracts.
 */
export async function portfolioCoverage(db: RequestDb, insurerIds: string[]): Promise<PortfolioCoverageRow[]> {
  type Row = { insurerId: string; sources: CountSource[]; datasets: string[]; lastImportedAt: string | null; anyContract: boolean };
  const rows = await db.read<Row>(Q.coverage, { insurerIds });
  const byId = new Map(rows.map((r) => [r.insurerId, r]));
  return insurerIds.map((insurerId) => coverageOf(insurerId, byId.get(insurerId)));
}

/** The coverage a statement row says (pure, so the rule is unit-tested): no contract means nothing loaded, whatever was recorded before. */
export function coverageOf(insurerId: string, r: { sources: CountSource[]; datasets: string[]; lastImportedAt: string | null; anyContract: boolean } | undefined): PortfolioCoverageRow {
  if (!r || !r.anyContract) return { insurerId, status: 'NO_PORTFOLIO_LOADED', sources: [], datasets: [], lastImportedAt: null };
  const sources = r.sources.length > 0 ? [...r.sources].sort() : (['UNRECORDED'] as CountSource[]);
  return { insurerId, status: 'PORTFOLIO_LOADED', sources, datasets: [...r.datasets].sort(), lastImportedAt: r.lastImportedAt };
}
