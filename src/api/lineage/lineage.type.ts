import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FlowEndpoint } from '../catalogue/catalogue.type';
import { LineageDirection } from '../../domain/common/enums';

/** A node reached by a lineage walk. */
@ObjectType({ description: 'A breach, organisation, system or population reached by a lineage walk, with its hop degree and shortest path from the root.' })
export class LineageNode extends FlowEndpoint {
  @Field(() => Int, { description: 'Number of data flows between the root and this node (0 for the root).' })
  hops!: number;

  @Field(() => [ID], { description: 'Ids along the shortest path, root first, this node last.' })
  path!: string[];

  @Field(() => [ID], { description: 'Ids of the data flows along that path, in order (FLOWS_TO and HOLDS edges carry one).' })
  flowIds!: string[];

  @Field(() => [String], { description: 'The edges along that path, in order: COMPROMISED (breach → system), RUNS (operator → system), FLOWS_TO (a data flow into a system), HOLDS (system → population whose data it holds).' })
  edges!: string[];
}

/** The answer of a lineage walk. */
@ObjectType({ description: 'Upstream or downstream lineage of a node (breach, system, organisation or population), up to a number of hops.' })
export class Lineage {
  @Field(() => LineageNode, { description: 'The node the walk started from (hops 0).' })
  root!: LineageNode;

  @Field(() => LineageDirection, { description: 'Direction walked.' })
  direction!: LineageDirection;

  @Field(() => Int, { description: 'Hop limit applied.' })
  maxHops!: number;

  @Field(() => [LineageNode], { description: 'Nodes reached within maxHops, nearest first.' })
  nodes!: LineageNode[];

  @Field(() => Boolean, { description: 'True when flows continue beyond maxHops: the answer was cut; ask again with more hops.' })
  truncated!: boolean;
}
