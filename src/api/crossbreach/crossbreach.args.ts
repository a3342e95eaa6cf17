import { ArgsType, Field, ID } from 'type-graphql';

/** Arguments of `crossBreachImpact`. */
@ArgsType()
export class CrossBreachImpactArgs {
  @Field(() => [ID], { description: 'Breach ids (1 to 20), e.g. `["breach-viamedis-2024", "breach-almerys-2024"]`; each is counted on its own reference date (the date its `breachImpact` uses by default). Duplicates count once; NOT_FOUND for an unknown id.' })
  breachIds!: string[];
}
