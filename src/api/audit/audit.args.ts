import { ArgsType, Field, ID, Int } from 'type-graphql';

/** Arguments of `auditEvents`. */
@ArgsType()
export class AuditEventsArgs {
  @Field(() => String, { nullable: true, description: 'Only this field, e.g. `Query.affectedContracts`.' })
  field?: string | null;

  @Field(() => String, { nullable: true, description: 'Only READ, REFUSED or WRITTEN.' })
  outcome?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this organisation’s reads.' })
  orgId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this operation name.' })
  operationName?: string | null;

  @Field(() => Int, { defaultValue: 50, description: 'How many, newest first (1 to 500).' })
  limit!: number;
}
