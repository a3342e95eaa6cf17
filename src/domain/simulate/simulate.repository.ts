import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import { SEED_ENUMS } from '../common/vocabulary';
import { inStableOrder } from '../impact/impact.repository';
import { WHAT_IF_ID, type ImpactPathRow, type ImpactPathsRow } from '../impact/impact.rows';

const Q = { paths: cypher('impact/simulate-paths') };


/** A what-if request: the systems (and systems behind access channels) taken, what is taken, on which date. */
export interface SimulationRequest {
  systemIds: string[];
  channelIds: string[];
  /** Categories taken, for every kind of data subject; null: every category the flows into those systems carry. */
  categoryIds: string[] | null;
  /** Also take the systems the taken systems' data flows into (one hop). */
  followFlows: boolean;
  /** The reference date (YYYY-MM-DD). */
  asOf: string;
}

/** The paths a what-if reaches, shaped as a breach's impact paths, and the systems it took. */
export interface SimulatedPathsRow extends ImpactPathsRow {
  systemIds: string[];
}

/**
 * The population-level paths a breach of `req`'s systems and access channels would reach on
 * `req.asOf`, by the reach rule of a real breach (cypher/reach/impact-path), in one READ
 * statement: nothing is written. `tenant` confines them to that insurer's own paths. Paths come
 * in impactPaths' stable order (controller, population, flow, system), categories by id.
 */
export async function simulatedPaths(db: RequestDb, req: SimulationRequest, tenant: string | null): Promise<SimulatedPathsRow> {
  const [row] = await db.read<{ systemIds: string[]; referenceDate: string; paths: ImpactPathRow[] }>(Q.paths, {
    systemIds: req.systemIds,
    channelIds: req.channelIds,
    categoryIds: req.categoryIds,
    followFlows: req.followFlows,
    subjects: [...SEED_ENUMS.populationKind],
    asOf: req.asOf,
    tenant,
  });
  return {
    breachId: WHAT_IF_ID,
    asOf: req.asOf,
    referenceDate: row.referenceDate,
    referenceDateBasis: 'AS_OF_ARGUMENT',
    paths: inStableOrder(row.paths),
    systemIds: [...row.systemIds].sort(),
  };
}
