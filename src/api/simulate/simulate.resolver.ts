import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { AppError, badInput, notFound } from '../../errors/app-error';
import { checkDate } from '../../domain/common/date';
import { contractAggregates } from '../../domain/impact/impact.repository';
import { emptyAggregates } from '../../domain/impact/breakdown';
import { routesFromAggregates } from '../../domain/impact/summary-counts';
import { simulatedPaths } from '../../domain/simulate/simulate.repository';
import type { RequestContext } from '../context';
import type { ImpactRoot } from '../require';
import { BreachImpact } from '../impact/impact.type';
import { MAX_SIMULATED, SimulateBreachArgs } from './simulate.args';

/** Today's date in UTC (YYYY-MM-DD): a what-if's default reference date. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Checks every id of `ids` names a row through `load`; NOT_FOUND names the first that does not. */
async function requireAll(ids: string[], kind: string, load: (id: string) => Promise<unknown>): Promise<void> {
  const rows = await Promise.all(ids.map((id) => load(id)));
  const missing = ids.find((_, i) => rows[i] === null || rows[i] === undefined);
  if (missing !== undefined) throw notFound(kind, missing);
}

/** `simulateBreach`: what a breach of given systems or access channels would reach, without writing anything. */
@Resolver()
export class SimulateBreachResolver {
  @Authorized()
  @Query(() => BreachImpact, {
    description:
      'What-if: who a breach of these systems or access channels would reach, through which partner, on a date — the same answer as `breachImpact` (totals, by insurer, by partner, by category, paths with their hops), computed by the same reach rule without writing anything. `breach` is null and the paths start at the system. An INSURER sees only its own paths and contracts; every other role gets counts under disclosure control, on today’s date only. Unknown ids are NOT_FOUND (naming the id); no system and no channel is BAD_USER_INPUT.',
  })
  async simulateBreach(@Args(() => SimulateBreachArgs) args: SimulateBreachArgs, @Ctx() ctx: RequestContext): Promise<ImpactRoot> {
    const systems = [...new Set(args.systems)];
    const channels = [...new Set(args.accessChannels)];
    const categories = args.categories === null || args.categories === undefined ? null : [...new Set(args.categories)];
    if (systems.length + channels.length === 0) throw badInput('systems', [], 'name at least one system or access channel');
    if (systems.length > MAX_SIMULATED) throw badInput('systems', systems.length, `give at most ${MAX_SIMULATED} systems`);
    if (channels.length > MAX_SIMULATED) throw badInput('accessChannels', channels.length, `give at most ${MAX_SIMULATED} access channels`);
    if (categories !== null && (categories.length === 0 || categories.length > MAX_SIMULATED)) throw badInput('categories', categories.length, `give 1 to ${MAX_SIMULATED} categories, or omit them`);
    const now = today();
    const asOf = checkDate('asOf', args.asOf) ?? now;
    // A caller under disclosure control may not pick the date: counts on consecutive days would
    // give one contract's start date by difference (see disclosure-policy).
    if (ctx.audience !== 'EXACT' && asOf !== now) {
      throw new AppError('FORBIDDEN', `asOf ${JSON.stringify(asOf)}: aggregate roles may simulate only on today's date (${now}; omit asOf), so that counts on nearby days cannot be differenced.`, {
        argument: 'asOf',
        allowedDates: [now],
      });
    }
    await requireAll(systems, 'system', (id) => ctx.loaders.system.load(id));
    await requireAll(channels, 'access channel', (id) => ctx.loaders.accessChannel.load(id));
    if (categories !== null) await requireAll(categories, 'data category', (id) => ctx.loaders.dataCategory.load(id));
    // A what-if is a live count like any other: it draws on the caller's budget before it runs.
    ctx.spendLiveCounts(1);
    const paths = await simulatedPaths(ctx.db, { systemIds: systems, channelIds: channels, categoryIds: categories, followFlows: args.followFlows, asOf }, ctx.tenant);
    const key = `what-if|${asOf}`;
    const [aggregates] = paths.paths.length > 0 ? await contractAggregates(ctx.db, [{ key, referenceDate: asOf, paths: paths.paths }], ctx.tenant, { routes: true }) : [];
    // The paths came without their care-network routes; the count just walked those contracts.
    const routed = { ...paths, paths: routesFromAggregates(paths.paths, aggregates?.routes ?? []) };
    return { breachId: paths.breachId, asOf, simulation: { paths: routed, aggregates: aggregates ?? emptyAggregates(key) } };
  }
}
