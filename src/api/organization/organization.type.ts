import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { OrganizationKind, OrganizationRole, PartnershipKind } from '../../domain/common/enums';
import { Sourced } from '../common/sourced.type';

/** An organisation of the tiers-payant chain: operator, group, insurer, care network, authority. */
@ObjectType({ description: 'An organisation: tiers-payant operator, parent group, insurer (data controller), care network, broker or authority.' })
export class Organization extends Sourced {
  @Field(() => ID, { description: 'Stable id, e.g. `org-viamedis`.' })
  id!: string;

  @Field(() => String, { description: 'Usual name.' })
  name!: string;

  @Field(() => [OrganizationRole], { description: 'Roles it plays; may be several, or none for a trade body.' })
  roles!: OrganizationRole[];

  @Field(() => OrganizationKind, { description: 'Legal or sector type; UNKNOWN where the record is silent.' })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'What the record says about it.' })
  description!: string | null;
}

/** An ownership link, as seen from either side. */
@ObjectType({ description: 'An ownership link: `owner` owns (all or part of) `owned`.' })
export class Ownership extends Sourced {
  @Field(() => Organization, { description: 'The parent group or shareholder.' })
  owner!: Organization;

  @Field(() => Organization, { description: 'The organisation owned.' })
  owned!: Organization;

  @Field(() => Number, { nullable: true, description: 'Share held, 0–1; null when unknown.' })
  share!: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Since when; null when unknown.' })
  validFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Until when; null when unknown or still current.' })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats, such as conflicting sources.' })
  note!: string | null;
}

/** A partnership with a validity window. */
@ObjectType({ description: 'A partnership with a validity window, e.g. La Mutuelle Générale with Viamedis until 2023-12-31.' })
export class Partnership extends Sourced {
  @Field(() => ID, { description: 'Stable id of the partnership.' })
  id!: string;

  @Field(() => PartnershipKind, { description: 'Kind of partnership.' })
  kind!: PartnershipKind;

  @Field(() => Organization, { description: 'The client side: the insurer (or the care network, for NETWORK_OPERATOR).' })
  organization!: Organization;

  @Field(() => Organization, { description: 'The provider side: the operator.' })
  partner!: Organization;

  @Field(() => LocalDate, { nullable: true, description: 'Start; null when unknown.' })
  validFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'End; null when unknown or still running.' })
  validTo!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it was in force on the `asOf` date given to `Organization.partnerships`; null when no date was given.' })
  activeOnAsOf!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Caveats.' })
  note!: string | null;
}
