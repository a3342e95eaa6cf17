import { cypher } from '../../db/cypher-files';
import { perExecutor } from '../../db/per-executor';
import { Executor, newRoundTripCounter, RoundTripCounter, Step } from '../../db/executor';
import { visibleToTenant } from '../../db/reach';
import { RequestDb, requestDb } from '../../graphql/request-db';
import { listBreaches } from '../breach/breach.repository';
import { contractAggregatesSweep } from './contract-aggregates-sweep';
import { impactKey, impactPaths } from './impact.repository';
import type { ContractAggregatesRow, ImpactPathsRow, TenantAggregatesRow } from './impact.rows';

const Q = {
  save: cypher('impact/save-summary'),
  stored: cypher('impact/stored-summaries-by-breach-ids'),
  orphans: cypher('impact/delete-orphan-summaries'),
  dropSlices: cypher('impact/delete-insurer-summaries'),
  saveSlices: cypher('impact/save-insurer-summaries'),
};

/** Insurer slices per UNWIND statement: a few statements for ~400 insurers × a few breaches, each small enough to stay well inside one transaction's memory. */
const SLICE_BATCH = 500;

/** The answer for an insurer no contract of which the breach reaches (what a live count returns). */
function zeroRow(key: string): ContractAggregatesRow {
  return { key, people: 0, contracts: 0, byInsurer: [], byOperator: [], byNetwork: [], byCategory: [] };
}

/** An insurer's slice as the row a tenant-scoped live count returns (its byInsurer holds only itself). */
function sliceRow(key: string, t: TenantAggregatesRow): ContractAggregatesRow {
  return {
    key,
    people: t.people,
    contracts: t.contracts,
    byInsurer: [{ id: t.id, people: t.people, contracts: t.contracts }],
    byOperator: t.byOperator,
    byNetwork: t.byNetwork,
    byCategory: t.byCategory,
  };
}

/**
 * Recomputes every breach's summary (contract-level totals on its default reference date, all
 * tenants) and every insurer's own slice of it, and stores them. Called after every write that
 * can change them (seed load, breach registration, portfolio import), so reads never count
 * people: the cost moves to the write, and the numbers are exact because they are recomputed
 * whole, never patched. Returns the number of breach summaries written.
 *
 * The counting reads the people in chunks (contractAggregatesSweep), so a national breach never
 * has to fit in one statement's memory; the chunks are separate reads, and a write that lands
 * between two of them is counted by the refresh that write runs itself. `onSwept` hears how many
 * people have been counted so far, for a progress bar.
 *
 * Everything lands in one write transaction: the summaries first (their MERGE locks make a
 * concurrent refresh wait, so two refreshes cannot interleave their slice deletes and writes),
 * then every old slice is deleted and the new ones written, so a stale slice never survives and a
 * reader never sees a summary without the slices computed with it.
 */
export async function refreshImpactSummaries(executor: Executor, counter?: RoundTripCounter, onSwept?: (people: number) => void): Promise<number> {
  const db = requestDb(executor, counter ?? newRoundTripCounter());
  const breaches = await listBreaches(db);
  const answers = await impactPaths(db, breaches.map((b) => ({ breachId: b.id, asOf: null })), null);
  const requests = answers.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), breachId: a.breachId, referenceDate: a.referenceDate, paths: a.paths }] : []));
  const rows = requests.length > 0 ? await contractAggregatesSweep(db, requests, { onChunk: onSwept }) : [];
  const byKey = new Map(requests.map((r) => [r.key, r]));
  const answerOf = new Map(answers.map((a) => [a.breachId, a]));
  const summaries: Step[] = [];
  const slices: Array<{ breachId: string; insurerId: string; referenceDate: string; aggregates: string }> = [];
  for (const { tenants, ...row } of rows) {
    const { breachId, referenceDate } = byKey.get(row.key)!;
    summaries.push({
      query: Q.save,
      params: { breachId, referenceDate, paths: JSON.stringify(answerOf.get(breachId)), aggregates: JSON.stringify(row), insurerSlices: tenants.length },
    });
    for (const t of tenants) slices.push({ breachId, insurerId: t.id, referenceDate, aggregates: JSON.stringify(sliceRow(row.key, t)) });
  }
  const sliceSteps: Step[] = [];
  for (let i = 0; i < slices.length; i += SLICE_BATCH) sliceSteps.push({ query: Q.saveSlices, params: { slices: slices.slice(i, i + SLICE_BATCH) } });
  await db.writeAll([...summaries, { query: Q.dropSlices, params: {} }, ...sliceSteps, { query: Q.orphans, params: { keep: requests.map((r) => r.breachId) } }]);
  return summaries.length;
}

/** What is stored for a breach on its default reference date, as one caller may read it. */
export interface StoredSummary {
  /** Its impact paths, kept to the caller's own when it is an insurer; null when none is stored. */
  paths: ImpactPathsRow | null;
  /** Its contract-level totals (the insurer's slice for an insurer); null when they must be counted live. */
  aggregates: ContractAggregatesRow | null;
}

/** A breach's summary as parsed, for one stored version. */
interface ParsedSummary {
  version: string;
  paths: ImpactPathsRow | null;
  aggregates: ContractAggregatesRow | null;
}

/**
 * Parsed summaries kept across requests by one process, per breach, with the stored version they
 * were parsed from: the paths of a national-size breach are tens of kilobytes of JSON that every
 * dashboard request would otherwise transfer and parse again. Objects are frozen, being shared.
 */
export class SummaryCache {
  private readonly byBreach = new Map<string, ParsedSummary>();

  /** Versions held, by breach id (the `$known` of stored-summaries-by-breach-ids). */
  known(ids: string[]): Record<string, string> {
    return Object.fromEntries(ids.flatMap((id) => (this.byBreach.has(id) ? [[id, this.byBreach.get(id)!.version]] : [])));
  }

  get(id: string, version: string): ParsedSummary | undefined {
    const hit = this.byBreach.get(id);
    return hit?.version === version ? hit : undefined;
  }

  set(id: string, parsed: ParsedSummary): void {
    this.byBreach.set(id, deepFreeze(parsed));
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The process's parsed-summary cache for the database behind an executor. */
export const summaryCacheOf = perExecutor(() => new SummaryCache());

/**
 * What is stored for several breaches, by breach id, in one round trip, as `tenant` may see it
 * (null: every tenant). An insurer gets the paths it controls (what impact-paths returns with
 * $tenant) and its own slice; a breach whose summary was written with its slices but has none for
 * the insurer answers an all-zero row (the breach reaches none of its contracts). With `cache`,
 * JSON already parsed at the stored version is neither sent nor parsed again.
 */
export async function storedSummaries(db: RequestDb, ids: string[], tenant: string | null, cache = new SummaryCache()): Promise<Map<string, StoredSummary>> {
  type Row = { breachId: string; version: string | null; paths: string | null; aggregates: string | null; sliced: boolean; slice: string | null };
  const rows = await db.read<Row>(Q.stored, { ids, tenant, known: cache.known(ids) });
  const found = new Map<string, StoredSummary>();
  for (const r of rows) {
    const key = impactKey({ breachId: r.breachId, asOf: null });
    let parsed = r.version === null ? undefined : cache.get(r.breachId, r.version);
    if (!parsed && r.version !== null && r.paths !== null) {
      // Parsed once per version, whoever asks first; an insurer is only ever shown its own slice.
      parsed = { version: r.version, paths: JSON.parse(r.paths) as ImpactPathsRow, aggregates: r.aggregates === null ? null : (JSON.parse(r.aggregates) as ContractAggregatesRow) };
      cache.set(r.breachId, parsed);
    }
    const all = parsed?.paths ?? null;
    // The same filter impact-paths applies with $tenant: an insurer walks only the flows it controls.
    const paths = all === null || tenant === null ? all : { ...all, paths: all.paths.filter((p) => visibleToTenant(p, tenant)) };
    const aggregates =
      tenant === null ? (parsed?.aggregates ?? null) : !r.sliced ? null : r.slice === null ? zeroRow(key) : (JSON.parse(r.slice) as ContractAggregatesRow);
    found.set(r.breachId, { paths, aggregates });
  }
  return found;
}

/** Stored every-tenant totals of several breaches, by breach id (breaches without any are absent). */
export async function summariesByBreachIds(db: RequestDb, ids: string[]): Promise<Map<string, ContractAggregatesRow>> {
  const stored = await storedSummaries(db, ids, null);
  return new Map([...stored].flatMap(([id, s]) => (s.aggregates ? [[id, s.aggregates] as const] : [])));
}

/** One insurer's stored slices of several breaches, by breach id (absent: count live). */
export async function insurerSummariesByBreachIds(db: RequestDb, ids: string[], tenant: string): Promise<Map<string, ContractAggregatesRow>> {
  const stored = await storedSummaries(db, ids, tenant);
  return new Map([...stored].flatMap(([id, s]) => (s.aggregates ? [[id, s.aggregates] as const] : [])));
}
