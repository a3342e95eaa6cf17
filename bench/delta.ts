import type { Executor } from '../src/db/executor';
import { importPortfolio } from '../src/domain/import/import-portfolio';
import { syntheticNir } from '../src/identity/nir';

/** What a delta import cost. */
export interface DeltaMeasure {
  rows: number;
  /** The whole import: the rows' write and the summaries' upkeep, in one transaction per batch. */
  seconds: number;
  /** Whether the summaries were patched by a delta (true) or refreshed whole (false). */
  incremental: boolean;
}

/**
 * "Refresh after a 1,000-row delta" (issue #12 §5): after the full import and its refresh, the
 * insurer `insurerId` imports `rows` new people on new contracts through `importPortfolio` as an
 * API or CLI import does, which maintains the summaries in the batch's transaction. Timed end to
 * end, write included, since the write and the upkeep are one transaction.
 */
export async function deltaImport(executor: Executor, pseudonymKey: Buffer, insurerId: string, rows = 1_000): Promise<DeltaMeasure> {
  const lines = Array.from({ length: rows }, (_, i) => `BENCH-DELTA-${i},${syntheticNir(`bench-delta-${i}`)},HOLDER,,,,2020-01-01,`);
  const counter = { roundTrips: 0, queries: [] as string[] };
  const started = performance.now();
  const s = await importPortfolio({ executor, pseudonymKey, insurerId, source: `contract_number,nir,role,product,operator,network,start_date,end_date\n${lines.join('\n')}\n`, batchSize: rows, counter });
  const seconds = (performance.now() - started) / 1000;
  return { rows: s.rowsLoaded, seconds, incremental: !counter.queries.includes('impact/contract-aggregates-sweep') };
}
