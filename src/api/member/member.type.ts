import { Field, ObjectType } from 'type-graphql';
import { Contract } from '../contract/contract.type';

/** A member's contract with the calling insurer. */
@ObjectType({ description: 'One of the member’s contracts with your organisation, and their role on it.' })
export class MemberContract {
  @Field(() => Contract, { description: 'The contract.' })
  contract!: Contract;

  @Field(() => String, { description: 'HOLDER or DEPENDANT.' })
  role!: string;
}

/** How one breach reaches one of the member's contracts. */
@ObjectType({ description: 'A breach that exposes the member, through which contract and path, with which categories.' })
export class MemberBreachExposure {
  @Field(() => Contract, { description: 'The contract through which the member is exposed.' })
  contract!: Contract;
}

/** The answer of `memberExposure`. */
@ObjectType({ description: 'Which breaches expose one of your members, through which path, with which data categories. The NIR is never stored or echoed: only its keyed pseudonym is compared.' })
export class MemberExposure {
  @Field(() => [MemberContract], { description: 'The member’s contracts with your organisation.' })
  contracts!: MemberContract[];
}
