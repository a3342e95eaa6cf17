import { ArgsType, Field, ID } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { OrganizationRole } from '../../domain/common/enums';

/** Arguments of `organization`. */
@ArgsType()
export class OrganizationArgs {
  @Field(() => ID, { description: 'Organisation id, e.g. `org-viamedis`.' })
  id!: string;
}

/** Arguments of `organizations`. */
@ArgsType()
export class OrganizationsArgs {
  @Field(() => OrganizationRole, { nullable: true, description: 'Only organisations holding this role.' })
  role?: OrganizationRole | null;
}

/** Arguments of `Organization.partnerships`. */
@ArgsType()
export class PartnershipsArgs {
  @Field(() => LocalDate, { nullable: true, description: 'Only partnerships in force on this date (YYYY-MM-DD).' })
  asOf?: string | null;
}
