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

  @Field(() => String, { nullable: true, description: 'Operation name the client gave.' })
  operationName!: string | null;

  @Field(() => String, { description: 'Arguments as JSON, identifiers (NIR, IBAN, SIRET, FINESS) redacted.' })
  arguments!: string;

  @Field(() => Int, { nullable: true, description: 'Rows returned; null for a refusal.' })
  rows!: number | null;

  @Field(() => String, { description: 'READ or REFUSED.' })
  outcome!: string;

  @Field(() => String, { nullable: true, description: 'Why it was refused.' })
  reason!: string | null;
}
