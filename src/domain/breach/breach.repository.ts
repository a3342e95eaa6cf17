import { cypher } from '../../db/cypher-files';
import type { RequestDb } from '../../db/request-db';
import type { BreachEventRow, BreachRow, CompromisedRow, ExposureRow, ReportedFigureRow } from './breach.rows';

const Q = {
  list: cypher('breach/list-breaches'),
  byIds: cypher('breach/breaches-by-ids'),
  events: cypher('breach/events-by-breach-ids'),
  exposures: cypher('breach/exposures-by-breach-ids'),
  market: cypher('market/market-figures'),
  compromised: cypher('breach/compromised-by-breach-ids'),
  figures: cypher('breach/figures-by-breach-ids'),
};

/** Every breach, oldest first. */
export async function listBreaches(db: RequestDb): Promise<BreachRow[]> {
  return (await db.read<{ breach: BreachRow }>(Q.list)).map((r) => r.breach);
}

/** Breaches by id (unknown ids are absent). */
export async function breachesByIds(db: RequestDb, ids: string[]): Promise<BreachRow[]> {
  return (await db.read<{ breach: BreachRow }>(Q.byIds, { ids })).map((r) => r.breach);
}

/** Events of several breaches, keyed by breach id, in date order. */
export async function eventsByBreachIds(db: RequestDb, ids: string[]): Promise<Array<{ key: string; row: BreachEventRow }>> {
  return (await db.read<{ breachId: string; event: BreachEventRow }>(Q.events, { ids })).map((r) => ({ key: r.breachId, row: r.event }));
}

/** Exposures of several breaches, keyed by breach id. */
export async function exposuresByBreachIds(db: RequestDb, ids: string[]): Promise<Array<{ key: string; row: ExposureRow }>> {
  return (await db.read<{ breachId: string; exposure: ExposureRow }>(Q.exposures, { ids })).map((r) => ({ key: r.breachId, row: r.exposure }));
}

/** Compromised systems of several breaches, keyed by breach id. */
export async function compromisedByBreachIds(db: RequestDb, ids: string[]): Promise<Array<{ key: string; row: CompromisedRow }>> {
  return (await db.read<{ breachId: string; hit: CompromisedRow }>(Q.compromised, { ids })).map((r) => ({ key: r.breachId, row: r.hit }));
}

/** Reported figures of several breaches, keyed by breach id. */
export async function figuresByBreachIds(db: RequestDb, ids: string[]): Promise<Array<{ key: string; row: ReportedFigureRow }>> {
  return (await db.read<{ breachId: string; figure: ReportedFigureRow }>(Q.figures, { ids })).map((r) => ({ key: r.breachId, row: r.figure }));
}

/** Figures about the market as a whole (attached to no breach) that one organisation reported, newest year first. */
export async function marketFiguresReportedBy(db: RequestDb, organizationId: string): Promise<ReportedFigureRow[]> {
  return (await db.read<{ figure: ReportedFigureRow }>(Q.market, { organizationId })).map((r) => r.figure);
}
