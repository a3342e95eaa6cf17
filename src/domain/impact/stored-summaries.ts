import { cypher } from '../../db/cypher-files';
import { visibleToTenant } from '../../db/reach';
import type { RequestDb } from '../../db/request-db';
import { impactKey } from './impact.repository';
import type { ContractAggregatesRow, ImpactPathsRow } from './impact.rows';
import type { SummaryState } from './count-freshness';
import { SummaryCache, type ParsedSummary } from './summary-cache';

const Q = { stored: cypher('impact/stored-summaries-by-breach-ids'), dated: cypher('impact/stored-dated-summaries') };

/** The answer for an insurer no contract of which the breach reaches (what a live count returns). */
function zeroRow(key: string): ContractAggregatesRow {
  return { key, people: 0, contracts: 0, byInsurer: [], byOperator: [], byNetwork: [], byCategory: [] };
}

/** What is stored for a breach on its default reference date, as one caller may read it. */
export interface StoredSummary {
  /** Its impact paths, kept to the caller's own when it is an insurer; null when none is stored. */
  paths: ImpactPathsRow | null;
  /** Its contract-level totals (the insurer's slice for an insurer); null when they must be counted live. */
  aggregates: ContractAggregatesRow | null;
  /** Whether the summaries lagged behind the graph when this was read. */
  state: SummaryState;
}

/** One breach's row as cypher/shared/stored-summary reads it. */
export interface StoredSummaryRow {
  version: string | null;
  paths: string | null;
  aggregates: string | null;
  sliced: boolean;
  slice: string | null;
  /** shared/summaries-freshness's summariesStale and summariesStaleSince. */
  stale: boolean;
  staleSince: string | null;
}

/**
 * What is stored for several breaches, by breach id, in one round trip, as `tenant` may see it
 * (null: every tenant). An insurer gets the paths it controls (what impact-paths returns with
 * $tenant) and its own slice; a breach whose summary was written with its slices but has none for
 * the insurer answers an all-zero row (the breach reaches none of its contracts). With `cache`,
 * JSON already parsed at the stored version is neither sent nor parsed again.
 */
export async function storedSummaries(db: RequestDb, ids: string[], tenant: string | null, cache = new SummaryCache()): Promise<Map<string, StoredSummary>> {
  const { known, held } = cache.hold(ids);
  const rows = await db.read<StoredSummaryRow & { breachId: string }>(Q.stored, { ids, tenant, known });
  return new Map(rows.map((r) => [r.breachId, storedSummaryOf(r.breachId, r, tenant, cache, null, held)]));
}

/**
 * What is stored for breaches on documented dates other than their reference date (`keys`, each
 * with its asOf), by request key (impactKey), in one round trip, as `tenant` may see it, read as
 * {@link storedSummaries} reads the reference-date ones (the cache keys them by request key).
 * Keys with nothing stored are absent: the caller counts them live.
 */
export async function storedDatedSummaries(db: RequestDb, keys: Array<{ breachId: string; asOf: string }>, tenant: string | null, cache = new SummaryCache()): Promise<Map<string, StoredSummary>> {
  const { known, held } = cache.hold(keys.map((k) => impactKey(k)));
  const rows = await db.read<StoredSummaryRow & { breachId: string; asOf: string }>(Q.dated, { keys, tenant, known });
  return new Map(rows.flatMap((r) => (r.version === null ? [] : [[impactKey(r), storedSummaryOf(r.breachId, r, tenant, cache, r.asOf, held)] as const])));
}

/**
 * One breach's stored answer (on its reference date, or on `asOf` for a dated summary) as
 * `tenant` may see it, from its row (read by any statement that includes shared/stored-summary,
 * or by stored-dated-summaries, with `$known` from `cache`): JSON is parsed once per version,
 * whoever asks first, and kept in `cache` under the request key (the breach id alone for the
 * reference date). `held`: what the read announced it knew (SummaryCache.hold), which answers a
 * row that came without its JSON.
 */
export function storedSummaryOf(
  breachId: string,
  r: StoredSummaryRow,
  tenant: string | null,
  cache: SummaryCache,
  asOf: string | null = null,
  held: ReadonlyMap<string, ParsedSummary> = new Map(),
): StoredSummary {
  const key = impactKey({ breachId, asOf });
  const cacheId = asOf === null ? breachId : key;
  // What the read announced it knew answers a reply without the JSON, even if the cache moved on.
  const announced = held.get(cacheId);
  let parsed = r.version === null ? undefined : (cache.get(cacheId, r.version) ?? (announced?.version === r.version ? announced : undefined));
  if (!parsed && r.version !== null && r.paths !== null) {
    // Parsed once per version, whoever asks first; an insurer is only ever shown its own slice.
    parsed = { version: r.version, paths: JSON.parse(r.paths) as ImpactPathsRow, aggregates: r.aggregates === null ? null : (JSON.parse(r.aggregates) as ContractAggregatesRow) };
    cache.set(cacheId, parsed);
  }
  const all = parsed?.paths ?? null;
  // The same filter impact-paths applies with $tenant: an insurer walks only the flows it controls.
  const paths = all === null || tenant === null ? all : { ...all, paths: all.paths.filter((p) => visibleToTenant(p, tenant)) };
  const aggregates =
    tenant === null ? (parsed?.aggregates ?? null) : !r.sliced ? null : r.slice === null ? zeroRow(key) : (JSON.parse(r.slice) as ContractAggregatesRow);
  return { paths, aggregates, state: { stale: r.stale, staleSince: r.staleSince } };
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
