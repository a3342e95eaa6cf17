import { ArgsType, Field, ID, Int } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';

/** Largest page `affectedContracts` serves. */
export const MAX_PAGE = 100;

/** Arguments of `affectedContracts`. */
@ArgsType()
export class AffectedContractsArgs {
  @Field(() => ID, { nullable: true, description: 'Optional, and only ever your own organisation: the tenant comes from the token. Another insurer’s id is FORBIDDEN (and audited).' })
  insurerId?: string | null;

  @Field(() => ID, { description: 'The breach, e.g. `breach-almerys-2024`.' })
  breachId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Reference date; default as in `breachImpact`.' })
  asOf?: string | null;

  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last contract of the previous page (`pageInfo.endCursor`).' })
  after?: string | null;
}
