import { ArgsType, Field, ID, Int } from 'type-graphql';
import { LineageDirection } from '../../domain/common/enums';

/** Largest hop count `lineage` accepts (the Cypher pattern walks one more to detect truncation). */
export const MAX_HOPS = 6;

/** Arguments of `lineage`. */
@ArgsType()
export class LineageArgs {
  @Field(() => ID, { description: 'Id of a breach, system, organisation or population, e.g. `breach-viamedis-2024`, `sys-viamedis-tp-platform`, `org-la-mutuelle-generale` or `pop-mgp-insured`.' })
  nodeId!: string;

  @Field(() => LineageDirection, { description: 'UPSTREAM (where the data comes from) or DOWNSTREAM (where it goes).' })
  direction!: LineageDirection;

  @Field(() => Int, { defaultValue: 3, description: `Hop limit, 1 to ${MAX_HOPS}.` })
  maxHops!: number;
}
