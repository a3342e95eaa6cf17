import DataLoader from 'dataloader';
import { visibleToTenant } from '../db/reach';
import * as breaches from '../domain/breach/breach.repository';
import * as catalogue from '../domain/catalogue/catalogue.repository';
import * as impact from '../domain/impact/impact.repository';
import { StoredSummary, storedDatedSummaries, storedSummaries } from '../domain/impact/stored-summaries';
import { CountFreshness, countFreshness, CountMethod, SUMMARIES_CURRENT, SUMMARIES_UNKNOWN } from '../domain/impact/count-freshness';
import type { SummaryCache } from '../domain/impact/summary-cache';
import type { ContractAggregatesRow, ImpactPathsRow } from '../domain/impact/impact.rows';
import { insurerCountsOnDates } from '../domain/impact/insurer-on-date';
import * as organizations from '../domain/organization/organization.repository';
import { portfolioCoverage } from '../domain/impact/portfolio-coverage';
import type { CatalogueCache, VersionReader } from './catalogue-cache';
import { cachedRowsById, rowsById, rowsByKey } from './loader-helpers';
import type { RequestDb } from '../db/request-db';

/** What the loaders of one request share with the rest of the process (see catalogue-cache.ts and summary-cache.ts). */
export interface SharedCaches {
  catalogue: CatalogueCache;
  /** The request's catalogue version, read once. */
  catalogueVersion: VersionReader;
  summaries: SummaryCache;
}

/**
 * Creates the per-request loaders. One set per request: their caches must never outlive it, or
 * one caller's answer could be served to another (a tenant's rows to another tenant) and writes
 * would go unseen. `tenant` is passed into every tenant-scoped statement. `spendLiveCounts` is
 * called with the number of live counts (explicit asOf, no stored answer) a batch is about to
 * run, before it runs; it throws to refuse them (see live-count-budget.ts).
 */
export function createLoaders(db: RequestDb, tenant: string | null, caches: SharedCaches, spendLiveCounts: (count: number) => void = () => undefined) {
  const shared = (kind: string) => ({ cache: caches.catalogue, version: caches.catalogueVersion, kind });
  // Answers on a breach's own reference date, and on its other documented dates (the only dates
  // a disclosure-controlled caller may ask for), are maintained on write (see
  // summary-refresh.ts): their paths, the every-tenant totals for roles that see all tenants, the
  // insurer's own slice for an INSURER. Both loaders below read them through these, so a request
  // reads each summary once. Any other asOf (an insurer's own choice) is computed live: an
  // arbitrary date has no write to recompute it on. A key on the default date is `${breachId}|`
  // (impactKey with asOf null); on another date `${breachId}|${asOf}`.
  const stored = new DataLoader<string, StoredSummary | null>(async (ids) => {
    const found = await storedSummaries(db, [...ids], tenant, caches.summaries);
    return ids.map((id) => found.get(id) ?? null);
  });
  const storedDated = new DataLoader<string, StoredSummary | null>(async (keys) => {
    const found = await storedDatedSummaries(db, keys.map(splitKey) as Array<{ breachId: string; asOf: string }>, tenant, caches.summaries);
    return keys.map((k) => found.get(k) ?? null);
  });
  const storedFor = async (keys: readonly string[]): Promise<Map<string, StoredSummary>> => {
    const ids = keys.filter((k) => k.endsWith('|')).map((k) => k.slice(0, -1));
    const dated = keys.filter((k) => !k.endsWith('|'));
    const rows = await Promise.all([stored.loadMany(ids), storedDated.loadMany(dated)]);
    const failed = rows.flat().find((r) => r instanceof Error);
    if (failed) throw failed;
    return new Map([
      ...ids.flatMap((id, i) => (rows[0][i] ? [[`${id}|`, rows[0][i] as StoredSummary] as const] : [])),
      ...dated.flatMap((k, i) => (rows[1][i] ? [[k, rows[1][i] as StoredSummary] as const] : [])),
    ]);
  };
  const impactPaths = new DataLoader<string, ImpactPathsRow | null>(async (keys) => {
    const kept = await storedFor(keys);
    const live = keys.filter((k) => !kept.get(k)?.paths);
    const requests = live.map(splitKey);
    // Paths on a chosen date are the live walk every live count starts with (countLive loads them
    // first), so the budget is spent here, once per breach and date, before anything runs.
    spendLiveCounts(requests.filter((r) => r.asOf !== null).length);
    // Without networkRoutes: filling them walks every contract of each path's population (an
    // insurer's whole portfolio), and only the listed paths show them (routedPaths); counts,
    // reference dates, contract pages and exports never read them. Stored paths carry them.
    const rows = requests.length > 0 ? await impact.impactPaths(db, requests.map((r) => ({ ...r, routes: false })), tenant) : [];
    const byKey = new Map(rows.map((r) => [impact.impactKey(r), r]));
    return keys.map((k) => kept.get(k)?.paths ?? byKey.get(k) ?? null);
  });
  // The same answers with every path's networkRoutes (the care networks its reached contracts go
  // through), for the fields that list paths one per route. Stored paths already have them (from
  // the counts); paths walked live get them by a second walk, with the contracts, only when such
  // a field asks. Loading impactPaths first spends the live budget once per key, as everywhere.
  const routedPaths = new DataLoader<string, ImpactPathsRow | null>(async (keys) => {
    const base = await impactPaths.loadMany(keys);
    const failed = base.find((r) => r instanceof Error);
    if (failed) throw failed;
    // Answered from the stored summaries' loaders' caches: no statement runs here.
    const kept = await storedFor(keys);
    const walk = keys.filter((k, i) => base[i] !== null && !kept.get(k)?.paths).map(splitKey);
    const rows = walk.length > 0 ? await impact.impactPaths(db, walk, tenant) : [];
    const byKey = new Map(rows.map((r) => [impact.impactKey(r), r]));
    return keys.map((k, i) => byKey.get(k) ?? (base[i] as ImpactPathsRow | null));
  });
  // How each key's counts were obtained: an answer says whether its counts are current
  // (countFreshness below).
  const methods = new Map<string, CountMethod>();
  const contractAggregates = new DataLoader<string, ContractAggregatesRow | null>(async (keys) => {
    // A breach with no stored summary (none written yet, or no dated event) is counted live.
    const kept = await storedFor(keys);
    const live = keys.filter((k) => !kept.get(k)?.aggregates);
    const computed = live.length > 0 ? await countLive(live) : { rows: new Map<string, ContractAggregatesRow>(), derived: new Set<string>() };
    for (const k of keys) methods.set(k, kept.get(k)?.aggregates ? 'MAINTAINED_SUMMARY' : computed.derived.has(k) ? 'DERIVED_FROM_SUMMARY' : 'LIVE_COUNT');
    return keys.map((k) => kept.get(k)?.aggregates ?? computed.rows.get(k) ?? null);
  });
  return {
    // Catalogue rows are shared across requests (see catalogue-cache.ts); per-tenant and
    // per-relation lists are not.
    organization: cachedRowsById((ids) => organizations.organizationsByIds(db, ids), (r) => r.id, shared('organization')),
    ownerships: rowsByKey((ids) => organizations.ownershipsByOrgIds(db, ids)),
    partnerships: rowsByKey((ids) => organizations.partnershipsByOrgIds(db, ids)),
    systemsOfOrganization: rowsByKey((ids) => organizations.systemsByOrgIds(db, ids)),
    populationsOfOrganization: rowsByKey((ids) => organizations.populationsByOrgIds(db, ids, tenant)),
    system: cachedRowsById((ids) => catalogue.systemsByIds(db, ids), (r) => r.id, shared('system')),
    accessChannel: rowsById((ids) => catalogue.accessChannelsByIds(db, ids), (r) => r.id),
    accessChannelsOfSystem: rowsByKey((ids) => catalogue.accessChannelsBySystemIds(db, ids)),
    dataCategory: cachedRowsById((ids) => catalogue.dataCategoriesByIds(db, ids), (r) => r.id, shared('dataCategory')),
    childCategoryIds: rowsByKey((ids) => catalogue.childCategoryIds(db, ids)),
    population: cachedRowsById((ids) => catalogue.populationsByIds(db, ids), (r) => r.id, shared('population')),
    // Every tenant's flows are cached; an insurer sees only those it controls, the filter
    // data-flows-by-ids applies with $tenant.
    dataFlow: cachedRowsById((ids) => catalogue.dataFlowsByIds(db, ids, null), (r) => r.id, shared('dataFlow'), (r) => visibleToTenant(r, tenant)),
    breach: cachedRowsById((ids) => breaches.breachesByIds(db, ids), (r) => r.id, shared('breach')),
    breachEvents: rowsByKey((ids) => breaches.eventsByBreachIds(db, ids)),
    exposures: rowsByKey((ids) => breaches.exposuresByBreachIds(db, ids)),
    compromised: rowsByKey((ids) => breaches.compromisedByBreachIds(db, ids)),
    reportedFigures: rowsByKey((ids) => breaches.figuresByBreachIds(db, ids)),
    impactPaths,
    routedPaths,
    // What is stored for a breach on its reference date, as this caller may see it: a contract
    // page that read it alongside its rows primes it, so totalCount reads nothing more.
    storedSummary: stored,
    // Never cached across requests: an import changes it without a catalogue version.
    portfolioCoverage: rowsById((ids) => portfolioCoverage(db, ids), (r) => r.insurerId),
    contractAggregates,
    /**
     * How the counts of an impact key were obtained and whether they are current (the answer's
     * `freshness`): loads them first, so it runs no statement of its own, except for an insurer's
     * own date, derived from a summary whose state the reference date's read tells.
     */
    countFreshness: async (key: string): Promise<CountFreshness> => {
      await contractAggregates.load(key);
      const method = methods.get(key) ?? 'LIVE_COUNT';
      if (method === 'LIVE_COUNT') return countFreshness(method, SUMMARIES_CURRENT);
      // The summary the counts were read from carries the state (the stored loaders' cache: no
      // statement). An insurer's own date was derived from summaries read by another statement:
      // their state is that of the breach's reference-date read (one statement, once per breach).
      const state = (await storedFor([key])).get(key)?.state ?? (await stored.load(splitKey(key).breachId))?.state;
      return countFreshness(method, state ?? SUMMARIES_UNKNOWN);
    },
  };

  /**
   * Contract-level totals counted from the qualifying paths, for keys with no stored summary;
   * `derived` names those derived from stored summaries (an insurer's own date: insurer-on-date.ts).
   */
  async function countLive(keys: string[]): Promise<{ rows: Map<string, ContractAggregatesRow>; derived: Set<string> }> {
    // Totals are counted over the qualifying paths, so the paths come first (usually cached).
    const paths = await impactPaths.loadMany([...keys]);
    const failed = paths.find((p) => p instanceof Error);
    if (failed) throw failed;
    const requests = keys.flatMap((key, i) => {
      const p = paths[i];
      return p && !(p instanceof Error) && p.referenceDate ? [{ key, referenceDate: p.referenceDate, paths: p.paths }] : [];
    });
    // An insurer's own date is read from its stored per-day changes, or counted from the nearest
    // stored summary with the same paths, over the contracts that started or ended in between;
    // only what neither can answer is counted by the statement that collects every affected row.
    const fromStored = tenant !== null ? await insurerCountsOnDates(db, requests.map((r) => ({ ...r, breachId: splitKey(r.key).breachId })), tenant) : new Map<string, ContractAggregatesRow>();
    const rest = requests.filter((r) => !fromStored.has(r.key));
    const rows = rest.length > 0 ? await impact.contractAggregates(db, rest, tenant) : [];
    return { rows: new Map([...fromStored, ...rows.map((r) => [r.key, r] as const)]), derived: new Set(fromStored.keys()) };
  }
}

/** A loader key (impactKey) back into its breach id and date (null: the reference date). */
function splitKey(key: string): { breachId: string; asOf: string | null } {
  const cut = key.lastIndexOf('|');
  if (cut < 0) throw new Error(`an impact loader key is '<breachId>|<asOf or empty>', got ${JSON.stringify(key)}`);
  const asOf = key.slice(cut + 1);
  return { breachId: key.slice(0, cut), asOf: asOf === '' ? null : asOf };
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
