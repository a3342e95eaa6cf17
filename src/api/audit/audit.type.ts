import { Field, ID, Int, ObjectType } from 'type-graphql';

/** One audit record. */
@ObjectType({ description: 'A read (or refused read) of person- or contract-level data: who, with which role and organisation, which field and arguments (identifiers redacted), when, and how many rows.' })
export class AuditEvent {
  @Field(() => ID, { description: 'Random id.' })
  id!: string;

  @Field(() => String, { description: 'When (ISO 8601, UTC).' })
  at!: string;

  @Field(() => String, { description: 'Token subject (`sub`).' })
  subject!: string;

  @Field(() => String, { description: 'Role of the token.' })
  role!: string;

  @Field(() => ID, { nullable: true, description: 'Organisation of the token (the tenant, for an insurer).' })
  orgId!: string | null;

  @Field(() => String, { description: 'Field read, as `Type.field`.' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'Response path of the field that asked (its alias, e.g. `a`), telling apart two reads of one operation; null on records older than the path.' })
  path!: string | null;

  @Field(() => String, { nullable: true, description: 'Operation name the client gave.' })
  operationName!: string | null;

  @Field(() => String, { description: 'Arguments as JSON, identifiers (NIR, IBAN, SIRET, FINESS) redacted and cursors replaced by `<cursor>`: no argument names a row the reader may not see.' })
  arguments!: string;

  @Field(() => Int, { nullable: true, description: 'Rows returned; null for a refusal.' })
  rows!: number | null;

  @Field(() => String, { description: 'READ, REFUSED, or WRITTEN (an audited write such as `recordNotification`).' })
  outcome!: string;

  @Field(() => String, { nullable: true, description: 'Error code of a refusal (see the error codes), e.g. `BAD_USER_INPUT`, `NOT_FOUND`, `FORBIDDEN`, `UNAUTHENTICATED`; null for a read.' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was refused (naming a bad argument, never its value).' })
  reason!: string | null;

  @Field(() => Int, { nullable: true, description: 'Place in the tamper-evident chain (1, 2, 3… with no gaps); null on records older than the chain.' })
  sequence!: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) chaining this record to the previous one; `auditIntegrity` recomputes it.' })
  hash!: string | null;
}

/** The first link of the audit chain that does not hold. */
@ObjectType({ description: 'Where the audit chain breaks: the first record (or missing record) that fails verification, and why.' })
export class AuditBrokenLink {
  @Field(() => Int, { nullable: true, description: 'Sequence of the offending or first missing record; null for records outside the chain.' })
  sequence!: number | null;

  @Field(() => ID, { nullable: true, description: 'Id of the offending record; null when the record is missing.' })
  id!: string | null;

  @Field(() => String, { description: 'Why the link fails: edited contents, a gap, a replaced predecessor, a head out of step, records outside the chain.' })
  reason!: string;
}

/** The outcome of verifying the audit chain. */
@ObjectType({ description: 'Verification of the tamper-evident audit trail: every record since the pruning anchor is rehashed and checked against its successor.' })
export class AuditIntegrity {
  @Field(() => Boolean, { description: 'True when every link checked holds (and, when the check reached the head, no record sits outside the chain). The whole trail is intact when this piece is `complete` too, and every piece before it was `ok`.' })
  ok!: boolean;

  @Field(() => Int, { description: 'Records whose links were verified (before the first broken one).' })
  checked!: number;

  @Field(() => AuditBrokenLink, { nullable: true, description: 'The first broken link; null when `ok`.' })
  firstBroken!: AuditBrokenLink | null;

  @Field(() => Int, { description: 'The sequence this check started after: the pruning anchor’s (0 for a trail never pruned), or `after`.' })
  after!: number;

  @Field(() => Int, { description: 'The chain’s last sequence when the check began (0 when nothing was recorded).' })
  headSequence!: number;

  @Field(() => Boolean, { description: 'The check reached the head. False when it stopped at `limit` (see `next`) or at a broken link.' })
  complete!: boolean;

  @Field(() => Int, { nullable: true, description: 'Where the next piece starts (pass it as `after`) when this one stopped at `limit` with every link holding; null otherwise.' })
  next!: number | null;
}
