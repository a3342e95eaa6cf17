import { ArgsType, Field, ID, Int } from 'type-graphql';
import { DEFAULT_INTEGRITY_LIMIT, MAX_INTEGRITY_LIMIT } from '../../domain/audit/audit-integrity';

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

/** Arguments of `auditIntegrity`: which piece of the chain to verify. */
@ArgsType()
export class AuditIntegrityArgs {
  @Field(() => Int, { nullable: true, description: 'Start after this sequence: the `next` of the previous piece. Omitted (or below the pruning anchor): at the chain’s start.' })
  after?: number | null;

  @Field(() => Int, { defaultValue: DEFAULT_INTEGRITY_LIMIT, description: `At most this many records (1 to ${MAX_INTEGRITY_LIMIT.toLocaleString('en-US')}); a longer chain is verified piece by piece, each starting at the previous one's \`next\`. The default takes about a second.` })
  limit!: number;
}
