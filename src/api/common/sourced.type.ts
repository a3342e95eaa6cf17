import { Field, ObjectType } from 'type-graphql';
import { Confidence } from '../../domain/common/enums';
import { CONFIDENCE_DESCRIPTION, SOURCE_URL_DESCRIPTION } from '../../domain/common/provenance';

/** Provenance fields of every type that states a fact of the public record. */
// Never returned itself: type-graphql copies its fields into each subclass, and emits only
// the types that resolvers reach, so no `Sourced` type appears in the schema.
@ObjectType({ description: 'A fact of the public record, with its source and confidence.' })
export abstract class Sourced {
  @Field(() => String, { nullable: true, description: SOURCE_URL_DESCRIPTION })
  sourceUrl!: string | null;

  @Field(() => Confidence, { nullable: true, description: CONFIDENCE_DESCRIPTION })
  confidence!: Confidence | null;
}
