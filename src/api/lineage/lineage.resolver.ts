import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { badInput, notFound } from '../../errors/app-error';
import type { RequestContext } from '../context';
import type { DataFlowRow } from '../../domain/catalogue/catalogue.rows';
import { DataFlow } from '../catalogue/catalogue.type';
import { LineageArgs, MAX_HOPS } from './lineage.args';
import { walkLineage } from '../../domain/lineage/lineage.repository';
import { Lineage, LineageNode } from './lineage.type';

interface LineageRoot extends Lineage {
  flowIds: string[];
}

/** `lineage`: walk data flows upstream or downstream of an organisation or system. */
@Resolver(() => Lineage)
export class LineageResolver {
  @Authorized()
  @Query(() => Lineage, {
    description:
      'Upstream or downstream lineage of a breach, system, organisation or population: breaches to the systems they compromised, operators to the systems they run, data flows between organisations and systems, and systems to the populations whose data they hold. Each node with its hop degree, path and the edges along it; `truncated` says the answer was cut at maxHops. An INSURER walks only its own flows. NOT_FOUND for an unknown node.',
  })
  async lineage(@Args(() => LineageArgs) { nodeId, direction, maxHops }: LineageArgs, @Ctx() ctx: RequestContext): Promise<LineageRoot> {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) throw badInput('maxHops', maxHops, `must be between 1 and ${MAX_HOPS}`);
    const row = await walkLineage(ctx.db, nodeId, direction, maxHops, ctx.tenant);
    if (!row) throw notFound('breach, system, organization or population', nodeId);
    // The query walks one hop further than asked: anything found there means the answer was cut.
    const within = row.nodes.filter((n) => n.hops <= maxHops).sort((a, b) => a.hops - b.hops || a.id.localeCompare(b.id));
    const nodes: LineageNode[] = within.map(({ id, kind, name, hops, path, flowIds, edges }) => ({ id, kind, name, hops, path, flowIds, edges }));
    return {
      root: { id: row.rootId, kind: row.rootKind, name: row.rootName, hops: 0, path: [row.rootId], flowIds: [], edges: [] },
      direction,
      maxHops,
      nodes,
      truncated: row.nodes.some((n) => n.hops > maxHops),
      flowIds: [...new Set(within.flatMap((n) => n.allFlowIds))].sort(),
    };
  }

  @FieldResolver(() => [DataFlow], { description: 'Every data flow on the paths within maxHops, with endpoints, population, categories and GDPR roles.' })
  flows(@Root() root: LineageRoot, @Ctx() ctx: RequestContext): DataFlowRow[] | Promise<DataFlowRow[]> {
    // Usually every flow is in the shared catalogue cache already: then no promise at all.
    const cached = root.flowIds.map((id) => ctx.loaders.dataFlow.peek(id));
    if (cached.every((r) => r !== undefined)) return cached.filter((r): r is DataFlowRow => r !== null && r !== undefined);
    return loadFlows(ctx, root.flowIds);
  }
}

async function loadFlows(ctx: RequestContext, ids: string[]): Promise<DataFlowRow[]> {
  const rows = await ctx.loaders.dataFlow.loadMany(ids);
  // loadMany returns failures in place; rethrow the first so it is not silently dropped.
  const failed = rows.find((r) => r instanceof Error);
  if (failed) throw failed;
  return rows.filter((r): r is DataFlowRow => r !== null);
}
