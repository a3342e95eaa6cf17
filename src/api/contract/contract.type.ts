import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';

/** A contract of an insurer's portfolio. */
@ObjectType({ description: 'A health-insurance contract of an insurer’s portfolio (synthetic or imported). People on it appear only as counts here.' })
export class Contract {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Contract number as the insurer knows it.' })
  number!: string;

  @Field(() => String, { nullable: true, description: 'Product name.' })
  product!: string | null;

  @Field(() => LocalDate, { description: 'Start date.' })
  startDate!: string;

  @Field(() => LocalDate, { nullable: true, description: 'End date; null while running. Ended contracts stay exposed while the operator still holds their data.' })
  endDate!: string | null;

  @Field(() => Boolean, { description: 'True for contracts of the synthetic portfolio (invented data).' })
  synthetic!: boolean;
}

/** A contract reached by a breach. */
@ObjectType({ description: 'One of an insurer’s contracts reached by a breach, with the paths reaching it and the categories exposed.' })
export class AffectedContract {
  @Field(() => Contract, { description: 'The contract.' })
  contract!: Contract;

  @Field(() => Int, { description: 'People covered (holder and dependants).' })
  beneficiaryCount!: number;

  @Field(() => Int, { description: 'Dependants among them.' })
  dependantCount!: number;
}

/** An edge of the affected-contracts connection. */
@ObjectType({ description: 'An edge of the affected-contracts connection.' })
export class AffectedContractEdge {
  @Field(() => String, { description: 'Opaque cursor: pass it as `after` to get the contracts following this one.' })
  cursor!: string;

  @Field(() => AffectedContract, { description: 'The affected contract.' })
  node!: AffectedContract;
}

/** Relay-style page information. */
@ObjectType({ description: 'Where this page sits.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more contracts follow.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; null on an empty page.' })
  endCursor!: string | null;
}

/** A page of an insurer's affected contracts. */
@ObjectType({ description: 'A page of one insurer’s contracts reached by a breach, in contract-id order.' })
export class AffectedContractConnection {
  @Field(() => [AffectedContractEdge], { description: 'The contracts of this page.' })
  edges!: AffectedContractEdge[];

  @Field(() => PageInfo, { description: 'Whether more pages follow.' })
  pageInfo!: PageInfo;

  @Field(() => LocalDate, { nullable: true, description: 'Reference date of the answer (see `BreachImpact.referenceDate`).' })
  referenceDate!: string | null;
}
