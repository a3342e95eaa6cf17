import { Executor, newRoundTripCounter, StatementTiming } from '../src/db/executor';
import { importPortfolio } from '../src/domain/import/import-portfolio';
import { syntheticNir } from '../src/identity/nir';
import { median } from './percentile';
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
 * later ones what a running service pays every day (the last half of them, {@link warmDays}, once
 * the JVM has warmed up).
 */
export interface DeltaSeriesMeasure extends DeltaMeasure {
  /** Seconds of each delta after the first, in order (each with its own new people). */
  next: number[];
  /** Median of `next`. */
  nextMedianSeconds: number;
  /**
   * Where the later deltas' time went: each statement's (and each transaction's commit's) total
   * over them divided by their number, slowest first (absent in runs before it was measured).
   */
  nextStatements?: StatementTime[];
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
export async function deltaImport(executor: Executor, pseudonymKey: Buffer, insurerId: string, rows = 1_000, tag = 'DELTA', timings?: StatementTiming[]): Promise<DeltaMeasure> {
  const lines = Array.from({ length: rows }, (_, i) => `BENCH-${tag}-${i},${syntheticNir(`bench-${tag.toLowerCase()}-${i}`)},HOLDER,,,,2020-01-01,`);
  const counter = newRoundTripCounter();
  const started = performance.now();
  const s = await importPortfolio({ executor, pseudonymKey, insurerId, source: `contract_number,nir,role,product,operator,network,start_date,end_date\n${lines.join('\n')}\n`, batchSize: rows, counter });
  const seconds = (performance.now() - started) / 1000;
  // Where the time went: the statements, and each write transaction's commit, named `commit <transaction>`.
  const spent = [...(counter.timings ?? []), ...(counter.commits ?? []).map((c) => ({ query: `commit ${c.query}`, ms: c.ms }))];
  timings?.push(...spent);
  return { rows: s.rowsLoaded, seconds, incremental: !counter.queries.includes('impact/contract-aggregates-sweep'), statements: slowestStatements(spent) };
}

/**
 * The days of a series after the JVM's warm-up: the last half of `next` (at least 4 days), or
 * none for a shorter series. Why: on a Neo4j JVM started for the load, the deltas' own statements
 * are new to it: a series of ten deltas of 1,000 rows on the 1M store, each time on a JVM started
 * afresh, fell from 1.86 s to 0.80 s (12g heap) and from 3.3 s to 0.87 s (4g heap), measured on
 * 2026-12-06 with nothing else running, commits as well as statements (the JVM's code, not Cypher's
 * plans: compiling Cypher's expressions at once did not remove it). The first days measure that
 * warm-up as much as the population's size; the last ones, what a server importing every day pays.
 */
export function warmDays(next: readonly number[]): number[] {
  return next.length >= 8 ? next.slice(Math.floor(next.length / 2)) : [];
}

/**
 * `1 + next` deltas of `rows` new people each for `insurerId`, one after the other (see
 * {@link DeltaSeriesMeasure}): the first's measure, with the later ones' seconds and median.
 */
export async function deltaSeries(executor: Executor, pseudonymKey: Buffer, insurerId: string, next = 8, rows = 1_000): Promise<DeltaSeriesMeasure> {
  const first = await deltaImport(executor, pseudonymKey, insurerId, rows, 'DELTA');
  const later: number[] = [];
  const laterTimings: StatementTiming[] = [];
  for (let i = 1; i <= next; i += 1) {
    later.push((await deltaImport(executor, pseudonymKey, insurerId, rows, `DAY${i}`, laterTimings)).seconds);
  }
  const nextMedianSeconds = later.length === 0 ? first.seconds : median(later);
  // Per delta: a statement run twice in each of 8 deltas shows as ×2 with its mean total per delta.
  const nextStatements = slowestStatements(laterTimings, 8).map((t) => ({ query: t.query, count: t.count / Math.max(1, next), ms: t.ms / Math.max(1, next) }));
  return { ...first, next: later, nextMedianSeconds, nextStatements };
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
