import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { COUNT_METHODS, type CountMethod as CountMethodName } from '../../domain/impact/count-freshness';

/** How an answer's counts were obtained (GraphQL enum of domain/impact/count-freshness's COUNT_METHODS). */
export const CountMethod = Object.fromEntries(COUNT_METHODS.map((m) => [m, m])) as { [K in CountMethodName]: K };
registerEnumType(CountMethod, {
  name: 'CountMethod',
  description: 'How counts were obtained.',
  valuesConfig: {
    MAINTAINED_SUMMARY: { description: 'Read from the summaries maintained with every write (a breach’s reference date and its documented dates; cross-breach counts).' },
    DERIVED_FROM_SUMMARY: { description: 'An insurer’s own date: read from the per-day changes of its people and contracts kept with the maintained summaries (within three years before and one after the breach’s reference date), or else the nearest maintained summary corrected by the contracts that started or ended in between.' },
    LIVE_COUNT: { description: 'Counted in the graph for this request (any other date, a what-if): current by construction.' },
  },
});

/** What an answer says of its counts: how they were obtained and whether they are current. */
@ObjectType({
  description:
    'Whether counts are current. The maintained summaries lag behind the graph while a write that does not maintain them (an import past its incremental limit, a breach registered, a seed load) has committed and its refresh has not: then counts read from them are those of before that write, and say so here (`current` false), never served as current. `/health/ready` reports the same state.',
})
export class CountFreshness {
  @Field(() => CountMethod, { description: 'How the counts were obtained.' })
  method!: CountMethodName;

  @Field(() => Boolean, { description: 'False when the counts come from summaries that lag behind the graph (they count the data as it was before `staleSince`); true for a live count, or when the summaries are current.' })
  current!: boolean;

  @Field(() => String, { nullable: true, description: 'When the summaries fell behind the graph (ISO 8601 date-time: the write whose refresh is pending began); null when `current`.' })
  staleSince!: string | null;
}
