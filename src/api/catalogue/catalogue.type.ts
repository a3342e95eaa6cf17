import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { AccessChannelKind, LineageNodeKind, PopulationKind, SizeQualifier, SystemKind } from '../../domain/common/enums';
import { Sourced } from '../common/sourced.type';

/** An information system run by an organisation. */
@ObjectType({ description: 'An information system run by an organisation (a tiers-payant platform, a professionals’ portal…).' })
export class System extends Sourced {
  @Field(() => ID, { description: 'Stable id, e.g. `sys-viamedis-tp-platform`.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => SystemKind, { description: 'Kind of system.' })
  kind!: SystemKind;

  @Field(() => String, { nullable: true, description: 'What the record says about it.' })
  description!: string | null;
}

/** A way into a system. */
@ObjectType({ description: 'A way into a system, such as a health professional’s login.' })
export class AccessChannel extends Sourced {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => AccessChannelKind, { description: 'Kind of channel.' })
  kind!: AccessChannelKind;

  @Field(() => String, { nullable: true, description: 'What the record says about it.' })
  description!: string | null;
}

/** A category of personal data, in a hierarchy. */
@ObjectType({ description: 'A category of personal data (NIR, bank details…), in a hierarchy, mapped to a fideslang key where one fits.' })
export class DataCategory {
  @Field(() => ID, { description: 'Stable id, e.g. `cat-nir`.' })
  id!: string;

  @Field(() => String, { description: 'Name, in English.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Name in French, the dashboard’s default language: in the CNIL’s words where it has them (the categories of its breach notification form and register model, e.g. « Numéro de sécurité sociale (NIR) », « Données de santé »), plain French otherwise. Every seeded category has one; null only on a graph seeded before French names existed (show `name` then).',
  })
  nameFr!: string | null;

  @Field(() => String, { nullable: true, description: 'fideslang data-category key (e.g. `user.government_id.national_identification_number`); null when none fits.' })
  fideslangKey!: string | null;

  @Field(() => String, { nullable: true, description: 'What the category covers.' })
  description!: string | null;
}

/** A cut-off date of a population. */
@ObjectType({ description: 'A date bounding who in a population is concerned (Alan: all current and former insured up to 2024-01-26), a fact with its own source and confidence, which may be lower than the population’s.' })
export class PopulationCutOff extends Sourced {
  @Field(() => LocalDate, { description: 'The cut-off date: people who had left the population before it are not concerned.' })
  date!: string;

  @Field(() => String, { nullable: true, description: 'The record’s wording and remarks.' })
  note!: string | null;
}

/** A group of data subjects behind a data flow. */
@ObjectType({ description: 'A group of data subjects: an insurer’s insured people, or professionals. Sizes are as reported, with their source.' })
export class Population extends Sourced {
  @Field(() => ID, { description: 'Stable id, e.g. `pop-lmg-insured`.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => PopulationKind, { description: 'Insured people or professionals.' })
  kind!: PopulationKind;

  @Field(() => Number, { nullable: true, description: 'Reported size of the population in all (e.g. an insurer’s members); null when the record gives none. Never an affected count: a reported figure of metric AFFECTED_PEOPLE naming this population says how many of it a breach reached.' })
  size!: number | null;

  @Field(() => PopulationCutOff, { nullable: true, description: 'A cut-off date bounding who in the population is concerned, with its own source and confidence; null when the record states none.' })
  cutOff!: unknown;

  @Field(() => SizeQualifier, { nullable: true, description: 'How the source qualifies the size.' })
  sizeQualifier!: SizeQualifier | null;

  @Field(() => String, { nullable: true, description: 'Caveats (e.g. former clients included).' })
  note!: string | null;

  @Field(() => Boolean, { description: 'True for populations invented for the synthetic portfolio.' })
  synthetic!: boolean;
}

/** One end of a data flow: an organisation or a system. */
@ObjectType({ description: 'A node of the lineage graph: an organisation or a system.' })
export class FlowEndpoint {
  @Field(() => ID, { description: 'Id of the organisation or system.' })
  id!: string;

  @Field(() => LineageNodeKind, { description: 'Organisation or system (a data flow’s ends); in a lineage walk also a breach or a population.' })
  kind!: LineageNodeKind;

  @Field(() => String, { description: 'Name.' })
  name!: string;
}

/** A lineage edge: whose data, about whom, flows where. */
@ObjectType({ description: 'A data flow (lineage edge): whose data, about which population and categories, flows to which system, through whom, from when to when, and how long the receiver keeps it.' })
export class DataFlow extends Sourced {
  @Field(() => ID, { description: 'Stable id, e.g. `flow-lmg-viamedis`.' })
  id!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Start; null when unknown.' })
  validFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'End; null when unknown or still running.' })
  validTo!: string | null;

  @Field(() => Int, { nullable: true, description: 'How many months the receiver keeps the data after the flow (or a contract) ends; null when unknown, which impact answers treat as still held.' })
  retentionMonths!: number | null;

  @Field(() => String, { nullable: true, description: 'Caveats.' })
  note!: string | null;
}
