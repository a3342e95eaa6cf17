import { AppError } from '../errors/app-error';
import type { BreachRow } from '../domain/breach/breach.rows';
import type { DataCategoryRow, PopulationRow, SystemRow } from '../domain/catalogue/catalogue.rows';
import { emptyAggregates, insurerIdsOf } from '../domain/impact/breakdown';
import { countCoverage, type CountCoverage } from '../domain/impact/coverage';
import { impactKey } from '../domain/impact/impact.repository';
import { CountFreshness, countFreshness, SUMMARIES_CURRENT } from '../domain/impact/count-freshness';
import type { ContractAggregatesRow, ImpactPathsRow } from '../domain/impact/impact.rows';
import type { OrganizationRow } from '../domain/organization/organization.rows';
import type { PortfolioCoverageRow } from '../domain/impact/portfolio-coverage';
import type { RequestContext } from './context';
import { required } from './loader-helpers';

/**
 * Row look-ups every resolver shares, over the request's loaders: a stored relationship names a
 * row, and its absence is NOT_FOUND naming the id. They live here, not in one domain's resolver,
 * so resolvers never import each other.
 */

/** Loads a breach by id, or throws NOT_FOUND naming the id. */
export function requireBreach(ctx: RequestContext, id: string): BreachRow | Promise<BreachRow> {
  return required(ctx.loaders.breach, id, 'breach');
}

/** Loads an organisation that a stored relationship names; its absence means a broken graph. */
export function requireOrganization(ctx: RequestContext, id: string): OrganizationRow | Promise<OrganizationRow> {
  return required(ctx.loaders.organization, id, 'organization');
}

/** Loads a data category that a stored relationship names. */
export function requireCategory(ctx: RequestContext, id: string): DataCategoryRow | Promise<DataCategoryRow> {
  return required(ctx.loaders.dataCategory, id, 'data category');
}

/** Loads a system that a stored relationship names. */
export function requireSystem(ctx: RequestContext, id: string): SystemRow | Promise<SystemRow> {
  return required(ctx.loaders.system, id, 'system');
}

/** Loads a population that a stored relationship names. */
export function requirePopulation(ctx: RequestContext, id: string): PopulationRow | Promise<PopulationRow> {
  return required(ctx.loaders.population, id, 'population');
}

/** What an impact answer resolves from: the request, not yet the answer (fields load lazily). */
export interface ImpactRoot {
  breachId: string;
  asOf: string | null;
  /** A what-if's answer (simulateBreach), computed up front: there is no breach to load it by. */
  simulation?: { paths: ImpactPathsRow & { systemIds: string[] }; aggregates: ContractAggregatesRow };
}

/**
 * Loads the population-level answer of an impact request; the breach must exist. An answer
 * walked live (a date with no stored summary) has empty networkRoutes: use loadRoutedPaths to
 * list paths by route.
 */
export async function loadPaths(ctx: RequestContext, root: ImpactRoot): Promise<ImpactPathsRow> {
  if (root.simulation) return root.simulation.paths;
  const row = await ctx.loaders.impactPaths.load(impactKey(root));
  if (!row) {
    await requireBreach(ctx, root.breachId); // throws NOT_FOUND for an unknown breach
    throw new AppError('INTERNAL', 'An internal error occurred.');
  }
  return row;
}

/**
 * Loads the population-level answer of an impact request with every path's networkRoutes (the
 * care networks its reached contracts go through), for fields that list paths one per route;
 * `loadPaths` may leave them empty for an answer walked live. The breach must exist.
 */
export async function loadRoutedPaths(ctx: RequestContext, root: ImpactRoot): Promise<ImpactPathsRow> {
  if (root.simulation) return root.simulation.paths;
  await loadPaths(ctx, root);
  const row = await ctx.loaders.routedPaths.load(impactKey(root));
  if (!row) throw new AppError('INTERNAL', 'An internal error occurred.');
  return row;
}

/**
 * How the counts of an impact request were obtained and whether they are current (a what-if is
 * counted live); loads them, so asking costs nothing more than the counts themselves.
 */
export async function loadFreshness(ctx: RequestContext, root: ImpactRoot): Promise<CountFreshness> {
  if (root.simulation) return countFreshness('LIVE_COUNT', SUMMARIES_CURRENT);
  return ctx.loaders.countFreshness(impactKey(root));
}

/** Loads the contract-level counts of an impact request (zeros when nothing is counted). */
export async function loadAggregates(ctx: RequestContext, root: ImpactRoot): Promise<ContractAggregatesRow> {
  if (root.simulation) return root.simulation.aggregates;
  return (await ctx.loaders.contractAggregates.load(impactKey(root))) ?? emptyAggregates(impactKey(root));
}

/**
 * The portfolio coverage of the insurers a breach's answer reaches, by insurer id (one batched
 * load for all of them); an insurer the map lacks has no portfolio loaded.
 */
export async function loadPortfolioCoverage(ctx: RequestContext, paths: ImpactPathsRow): Promise<Map<string, PortfolioCoverageRow>> {
  const rows = await ctx.loaders.portfolioCoverage.loadMany(insurerIdsOf(paths));
  const coverage = new Map<string, PortfolioCoverageRow>();
  for (const r of rows) {
    if (r instanceof Error) throw r;
    if (r) coverage.set(r.insurerId, r);
  }
  return coverage;
}

/** What the loaded portfolios cover of one breach on its reference date, for this caller (domain/impact/coverage). */
export async function loadCountCoverage(ctx: RequestContext, breachId: string): Promise<CountCoverage> {
  const paths = await loadPaths(ctx, { breachId, asOf: null });
  return countCoverage(paths, await loadPortfolioCoverage(ctx, paths));
}
