import { ArgsType, Field } from 'type-graphql';

/** Arguments of `memberExposure`. */
@ArgsType()
export class MemberExposureArgs {
  @Field(() => String, { description: 'The member’s NIR (15 characters, spaces allowed; 2A/2B for Corsica). Validated, then turned into its keyed pseudonym; never stored, logged or echoed.' })
  nir!: string;
}
