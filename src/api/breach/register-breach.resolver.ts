import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { cypher } from '../../db/cypher-files';
import { AppError, badInput, isAppError } from '../../errors/app-error';
import type { RequestContext } from '../context';
import { breachEventRows, seedSteps } from '../../domain/seed/load-seeds';
import type { SeedFile } from '../../domain/common/seed-records';
import { KnownIds, validateSeed } from '../../domain/seed/seed-format';
import { afterWrite } from '../../domain/after-write';
import type { BreachRow } from '../../domain/breach/breach.rows';
import { Breach } from './breach.type';
import { RegisterBreachInput } from './breach.input';
import { requireBreach } from '../require';

const Q = { knownIds: cypher('admin/known-ids'), datasetsOf: cypher('admin/datasets-of-nodes') };
const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;

/** The dataset a registered breach is written under: one per breach, so it can be replaced alone. */
export const registeredDataset = (breachId: string) => `registered-${breachId}`;

/** Turns the mutation's input into the seed format, so one validator and one loader serve both. */
function toSeed(input: RegisterBreachInput): SeedFile {
  const sourced = (x: { sourceUrl?: string | null; confidence?: string | null }) => ({ source: x.sourceUrl ?? null, confidence: (x.confidence ?? null) as 'H' | 'M' | 'L' | null });
  return {
    dataset: registeredDataset(input.id),
    breaches: [
      {
        id: input.id,
        name: input.name,
        victim: input.victimId,
        summary: input.summary ?? null,
        vector: input.vector ?? null,
        // A registration states its techniques: not inferred, with no separate source.
        attackTechniques: input.attackTechniques.map((id) => ({ id, inferred: false, source: null, confidence: null })),
        ransomware: input.ransomware ?? null,
        compromised: input.compromisedSystemIds.map((system) => ({ system, channel: input.accessChannelId ?? null, source: null, confidence: null })),
        events: input.events.map((e) => ({ kind: e.kind, date: e.date ?? null, description: e.description ?? null, ...sourced(e) })),
        exposures: input.exposures.map((e) => ({ category: e.categoryId, subjects: e.subjects, status: e.status, scope: 'ALL', scopeNote: null, note: e.note ?? null, ...sourced(e) })),
        reportedFigures: input.reportedFigures.map((f) => ({
          id: f.id,
          metric: f.metric,
          value: f.value ?? null,
          qualifier: f.qualifier ?? null,
          text: f.text ?? null,
          reportedBy: f.reportedById ?? null,
          date: f.date ?? null,
          note: f.note ?? null,
          ...sourced(f),
        })),
      },
    ],
  };
}

/**
 * Refuses a registration that would write a node another dataset owns: the breach, its events or
 * its reported figures. Seeded objects are the public record: a registration MERGEs its nodes by
 * id and later prunes those it no longer lists, so one naming a seeded figure would overwrite it
 * (fig-mutame-plus-1800: 1800 -> 1), then delete it when registered again without it. Exposures
 * are relationships created under the registration's own dataset, so they cannot touch others.
 * BAD_USER_INPUT names the first such id and its owner.
 */
async function refuseForeignNodes(ctx: RequestContext, seed: SeedFile): Promise<void> {
  const breaches = seed.breaches ?? [];
  const wanted = [
    ...breaches.map((b) => ({ argument: 'input.id', id: b.id })),
    ...breachEventRows(breaches).map((e) => ({ argument: 'input.events', id: e.id })),
    ...breaches.flatMap((b) => b.reportedFigures.map((f) => ({ argument: 'input.reportedFigures.id', id: f.id }))),
  ];
  const owners = await ctx.db.read<{ id: string; dataset: string | null }>(Q.datasetsOf, { ids: wanted.map((w) => w.id) });
  const ownerOf = new Map(owners.map((o) => [o.id, o.dataset]));
  for (const { argument, id } of wanted) {
    const owner = ownerOf.get(id);
    if (owner !== undefined && owner !== seed.dataset) {
      throw badInput(argument, id, `already exists (written by dataset ${owner ?? 'unknown'}); a registration cannot overwrite or delete it; choose another id`);
    }
  }
}

/** ADMIN writes. */
@Resolver(() => Breach)
export class RegisterBreachResolver {
  @Authorized()
  @Mutation(() => Breach, { description: 'Registers a breach (ADMIN): victim, compromised systems, events, exposures and figures, validated against the graph, written in one transaction. Registering the same id again replaces that registration; a breach loaded from the seeds cannot be overwritten.' })
  async registerBreach(@Arg('input', () => RegisterBreachInput, { description: 'The breach.' }) input: RegisterBreachInput, @Ctx() ctx: RequestContext): Promise<BreachRow> {
    if (!/^breach-[a-z0-9][a-z0-9-]{2,80}$/.test(input.id)) throw badInput('input.id', input.id, 'must look like breach-<kebab-case>');
    if (input.compromisedSystemIds.length === 0) throw badInput('input.compromisedSystemIds', [], 'name at least one compromised system');
    const badTechnique = input.attackTechniques.find((t) => !TECHNIQUE.test(t));
    if (badTechnique !== undefined) throw badInput('input.attackTechniques', badTechnique, 'must be an ATT&CK id such as T1078 or T1598.003');
    const seed = toSeed(input);
    const [ids] = await ctx.db.read<Record<string, string[]>>(Q.knownIds);
    const known: KnownIds = {
      organizations: new Set(ids.organizations),
      systems: new Set(ids.systems),
      channels: new Set(ids.channels),
      categories: new Set(ids.categories),
      populations: new Set(ids.populations),
      flows: new Set(),
      breaches: new Set(),
    };
    try {
      validateSeed('registerBreach input', seed, known);
    } catch (e) {
      // Same checks as the seed files, reported as the caller's input error.
      if (isAppError(e) && e.code === 'SEED_INVALID') throw new AppError('BAD_USER_INPUT', e.message.replace(/^Seed file registerBreach input is invalid/, 'Invalid breach'), { argument: 'input' });
      throw e;
    }
    // After validation, so a malformed input is reported for what is wrong with it first.
    await refuseForeignNodes(ctx, seed);
    await ctx.db.writeAll(seedSteps(seed, ctx.pseudonymKey));
    await afterWrite(ctx.executor, { catalogue: true, portfolio: false, counter: ctx.roundTrips });
    ctx.loaders.breach.clear(input.id);
    return requireBreach(ctx, input.id);
  }
}
