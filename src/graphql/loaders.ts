import DataLoader from 'dataloader';
import * as breaches from '../domain/breach/breach.repository';
import * as catalogue from '../domain/catalogue/catalogue.repository';
import * as impact from '../domain/impact/impact.repository';
import { summariesByBreachIds } from '../domain/impact/impact-summaries';
import type { ContractAggregatesRow, ImpactPathsRow } from '../domain/impact/impact.rows';
import * as organizations from '../domain/organization/organization.repository';
import { rowsById, rowsByKey } from './loader-helpers';
import type { RequestDb } from './request-db';

/**
 * Creates the per-request loaders. One set per request: their caches must never outlive it, or
 * one caller's answer could be served to another (a tenant's rows to another tenant) and writes
 * would go unseen. `tenant` is passed into every tenant-scoped statement.
 */
export function createLoaders(db: RequestDb, tenant: string | null) {
  const impactPaths = new DataLoader<string, ImpactPathsRow | null>(async (keys) => {
    const requests = keys.map((k) => {
      const [breachId, asOf] = k.split('|');
      return { breachId, asOf: asOf === '' ? null : asOf };
    });
    const rows = await impact.impactPaths(db, requests, tenant);
    const byKey = new Map(rows.map((r) => [impact.impactKey(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
  return {
    organization: rowsById((ids) => organizations.organizationsByIds(db, ids), (r) => r.id),
    ownerships: rowsByKey((ids) => organizations.ownershipsByOrgIds(db, ids)),
    partnerships: rowsByKey((ids) => organizations.partnershipsByOrgIds(db, ids)),
    systemsOfOrganization: rowsByKey((ids) => organizations.systemsByOrgIds(db, ids)),
    populationsOfOrganization: rowsByKey((ids) => organizations.populationsByOrgIds(db, ids, tenant)),
    system: rowsById((ids) => catalogue.systemsByIds(db, ids), (r) => r.id),
    accessChannel: rowsById((ids) => catalogue.accessChannelsByIds(db, ids), (r) => r.id),
    accessChannelsOfSystem: rowsByKey((ids) => catalogue.accessChannelsBySystemIds(db, ids)),
    dataCategory: rowsById((ids) => catalogue.dataCategoriesByIds(db, ids), (r) => r.id),
    childCategoryIds: rowsByKey((ids) => catalogue.childCategoryIds(db, ids)),
    population: rowsById((ids) => catalogue.populationsByIds(db, ids), (r) => r.id),
    dataFlow: rowsById((ids) => catalogue.dataFlowsByIds(db, ids, tenant), (r) => r.id),
    breach: rowsById((ids) => breaches.breachesByIds(db, ids), (r) => r.id),
    breachEvents: rowsByKey((ids) => breaches.eventsByBreachIds(db, ids)),
    exposures: rowsByKey((ids) => breaches.exposuresByBreachIds(db, ids)),
    compromised: rowsByKey((ids) => breaches.compromisedByBreachIds(db, ids)),
    reportedFigures: rowsByKey((ids) => breaches.figuresByBreachIds(db, ids)),
    impactPaths,
    contractAggregates: new DataLoader<string, ContractAggregatesRow | null>(async (keys) => {
      // Every-tenant totals on a breach's own reference date are maintained on write (see
      // impact-summaries.ts): read them instead of counting people. Others are counted live.
      // A key on the default date is `${breachId}|` (impactKey with asOf null).
      const defaultDate = tenant === null ? keys.filter((k) => k.endsWith('|')).map((k) => k.slice(0, -1)) : [];
      const stored = defaultDate.length > 0 ? await summariesByBreachIds(db, defaultDate) : new Map<string, ContractAggregatesRow>();
      const fromSummary = (k: string) => (k.endsWith('|') ? stored.get(k.slice(0, -1)) : undefined);
      const live = keys.filter((k) => fromSummary(k) === undefined);
      const computed = live.length > 0 ? await countLive(live) : new Map<string, ContractAggregatesRow>();
      return keys.map((k) => fromSummary(k) ?? computed.get(k) ?? null);
    }),
  };

  /** Contract-level totals counted from the qualifying paths, for keys with no stored summary. */
  async function countLive(keys: string[]): Promise<Map<string, ContractAggregatesRow>> {
    // Totals are counted over the qualifying paths, so the paths come first (usually cached).
    const paths = await impactPaths.loadMany([...keys]);
    const failed = paths.find((p) => p instanceof Error);
    if (failed) throw failed;
    const requests = keys.flatMap((key, i) => {
      const p = paths[i];
      return p && !(p instanceof Error) && p.referenceDate ? [{ key, referenceDate: p.referenceDate, paths: p.paths }] : [];
    });
    const rows = requests.length > 0 ? await impact.contractAggregates(db, requests, tenant) : [];
    return new Map(rows.map((r) => [r.key, r]));
  }
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
