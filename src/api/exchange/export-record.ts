import { decide } from '../../auth/policy';
import { listBreaches } from '../../domain/breach/breach.repository';
import type { DataCategoryRow } from '../../domain/catalogue/catalogue.rows';
import { affectedInsurers, uniq } from '../../domain/impact/breakdown';
import { BreachExportRecord, ReachedInsurerRecord, sharedFigureIdsOf } from '../../domain/exchange/breach-record';
import type { RequestContext } from '../context';
import { loadPaths, requireBreach, requireCategory, requireOrganization, requireSystem } from '../require';

/**
 * The insurers a breach reaches, by the single reach rule (the impact paths at the breach's
 * stored reference date), or null when the caller's role may not read `affectedInsurers` (the
 * role policy decides, as for that query; an INSURER sees only itself, as there).
 */
async function reachedInsurers(ctx: RequestContext, breachId: string): Promise<ReachedInsurerRecord[] | null> {
  if (decide(ctx.principal, 'Query.affectedInsurers') !== 'ALLOWED') return null;
  try {
    await ctx.tenantCheck();
  } catch {
    // A token whose organisation is not an insurer of the graph reads no insurer, here as anywhere.
    return null;
  }
  const answer = await loadPaths(ctx, { breachId, asOf: null });
  return Promise.all(
    affectedInsurers([breachId], [answer]).map(async (a) => ({
      insurer: await requireOrganization(ctx, a.insurerId),
      through: await Promise.all(uniq(a.paths.map((p) => p.operatorId)).map((id) => requireOrganization(ctx, id))),
      bases: uniq(a.paths.map((p) => p.basis)),
    })),
  );
}

/**
 * Loads everything an export of `breachId` maps from (see BreachExportRecord), through the
 * request's loaders. NOT_FOUND for an unknown breach. Other breaches' figures are read too, to
 * tell a figure stated for several breaches at once from a per-breach one.
 */
export async function loadExportRecord(ctx: RequestContext, breachId: string): Promise<BreachExportRecord> {
  const breach = await requireBreach(ctx, breachId);
  const [victim, events, exposures, hits, all, insurers] = await Promise.all([
    requireOrganization(ctx, breach.victimId),
    ctx.loaders.breachEvents.load(breachId),
    ctx.loaders.exposures.load(breachId),
    ctx.loaders.compromised.load(breachId),
    listBreaches(ctx.db),
    reachedInsurers(ctx, breachId),
  ]);
  const figureLists = await Promise.all(all.map((b) => ctx.loaders.reportedFigures.load(b.id)));
  const figuresByBreach = new Map(all.map((b, i) => [b.id, figureLists[i]]));
  const categories = new Map<string, DataCategoryRow>();
  for (const id of uniq(exposures.map((e) => e.categoryId))) categories.set(id, await requireCategory(ctx, id));
  const compromised = await Promise.all(
    hits.map(async (h) => ({
      system: await requireSystem(ctx, h.systemId),
      channel: h.channelId === null ? null : await ctx.loaders.accessChannel.load(h.channelId),
      sourceUrl: h.sourceUrl,
      confidence: h.confidence,
    })),
  );
  return {
    breach,
    victim,
    events,
    exposures,
    categories,
    compromised,
    figures: figuresByBreach.get(breachId) ?? [],
    sharedFigureIds: sharedFigureIdsOf(breachId, figuresByBreach),
    insurers,
  };
}
