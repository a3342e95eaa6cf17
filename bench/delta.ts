import { Executor, newRoundTripCounter } from '../src/db/executor';
import { importPortfolio } from '../src/domain/import/import-portfolio';
import { syntheticNir } from '../src/identity/nir';
import { slowestStatements, StatementTime } from './statement-time';

/** What a delta import cost. */
export interface DeltaMeasure {
  rows: number;
  /** The whole import: the rows' write and the summaries' upkeep, in one transaction per batch. */
  seconds: number;
  /** Whether the summaries were patched by a delta (true) or refreshed whole (false). */
  incremental: boolean;
  /** The slowest statements of the import, by name (absent in runs before they were timed). */
  statements?: StatementTime[];
}

/**
 * A series of daily deltas of one insurer, one after the other: the first right after the first
 * load (Neo4j's page cache holds little of the insurer's contracts and the people index yet), then
 * the days after. Both are reported: the first is the worst case a server just started pays, the
 * later ones what a running service pays every day.
 */
export interface DeltaSeriesMeasure extends DeltaMeasure {
  /** Seconds of each delta after the first, in order (each with its own new people). */
  next: number[];
  /** Median of `next`. */
  nextMedianSeconds: number;
}

/** Two deltas of two insurers started together (issue #12 §2, §5). */
export interface ConcurrentDeltaMeasure {
  insurers: [string, string];
  /** From the start of both to the end of the later one. */
  seconds: number;
  each: [DeltaMeasure, DeltaMeasure];
}

/**
 * "Refresh after a 1,000-row delta" (issue #12 §5): after the full import and its refresh, the
 * insurer `insurerId` imports `rows` new people on new contracts through `importPortfolio` as an
 * API or CLI import does, which maintains the summaries in the batch's transaction. Timed end to
 * end, write included, since the write and the upkeep are one transaction. `tag` keeps the
 * people and contract numbers of one delta apart from another's (a daily delta brings new people).
 */
export async function deltaImport(executor: Executor, pseudonymKey: Buffer, insurerId: string, rows = 1_000, tag = 'DELTA'): Promise<DeltaMeasure> {
  const lines = Array.from({ length: rows }, (_, i) => `BENCH-${tag}-${i},${syntheticNir(`bench-${tag.toLowerCase()}-${i}`)},HOLDER,,,,2020-01-01,`);
  const counter = newRoundTripCounter();
  const started = performance.now();
  const s = await importPortfolio({ executor, pseudonymKey, insurerId, source: `contract_number,nir,role,product,operator,network,start_date,end_date\n${lines.join('\n')}\n`, batchSize: rows, counter });
  const seconds = (performance.now() - started) / 1000;
  return { rows: s.rowsLoaded, seconds, incremental: !counter.queries.includes('impact/contract-aggregates-sweep'), statements: slowestStatements(counter.timings ?? []) };
}

/**
 * `1 + next` deltas of `rows` new people each for `insurerId`, one after the other (see
 * {@link DeltaSeriesMeasure}): the first's measure, with the later ones' seconds and median.
 */
export async function deltaSeries(executor: Executor, pseudonymKey: Buffer, insurerId: string, next = 4, rows = 1_000): Promise<DeltaSeriesMeasure> {
  const first = await deltaImport(executor, pseudonymKey, insurerId, rows, 'DELTA');
  const later: number[] = [];
  for (let i = 1; i <= next; i += 1) later.push((await deltaImport(executor, pseudonymKey, insurerId, rows, `DAY${i}`)).seconds);
  const sorted = [...later].sort((a, b) => a - b);
  const nextMedianSeconds = sorted.length === 0 ? first.seconds : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { ...first, next: later, nextMedianSeconds };
}

/**
 * Two 1,000-row deltas of two insurers at once, each with its own new people, as two insurers'
 * daily imports may arrive together. Summaries' exactness after such a race is the tests' job
 * (test/summary-delta); this times it.
 */
export async function concurrentDeltas(executor: Executor, pseudonymKey: Buffer, insurers: [string, string], rows = 1_000): Promise<ConcurrentDeltaMeasure> {
  const started = performance.now();
  const each = await Promise.all([deltaImport(executor, pseudonymKey, insurers[0], rows, 'PAIR-A'), deltaImport(executor, pseudonymKey, insurers[1], rows, 'PAIR-B')]);
  return { insurers, seconds: (performance.now() - started) / 1000, each: [each[0], each[1]] };
}
