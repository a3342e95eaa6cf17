import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { BreachEventKind, Confidence, ExposureScope, ExposureStatus, FigureMetric, OrganizationKind, PopulationKind, SizeQualifier } from '../../domain/common/enums';
import { Sourced } from '../common/sourced.type';

/** A breach of the catalogue. */
@ObjectType({ description: 'A data breach: when, how, which systems, which data categories exposed and not exposed, and the figures reported with their sources.' })
export class Breach {
  @Field(() => ID, { description: 'Stable id, e.g. `breach-viamedis-2024`.' })
  id!: string;

  @Field(() => String, { description: 'Short name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What happened, in a few sentences.' })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'Attack vector in plain words (e.g. phished professional credentials).' })
  vector!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether ransomware was involved; null when the record does not say.' })
  ransomware!: boolean | null;
}

/** A MITRE ATT&CK technique. */
@ObjectType({ description: 'A MITRE ATT&CK (Enterprise) technique used in a breach.' })
export class AttackTechnique {
  @Field(() => ID, { description: 'Technique id, e.g. T1078.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Technique name; null when not in the API’s table.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'ATT&CK tactic(s).' })
  tactic!: string | null;

  @Field(() => Boolean, { description: 'True when no source states the technique and the mapping infers it from what they do state (T1213 for the 2024 breaches).' })
  inferred!: boolean;

  @Field(() => String, { nullable: true, description: 'Where the mapping comes from; null when unknown.' })
  sourceUrl!: string | null;

  @Field(() => Confidence, { nullable: true, description: 'Confidence in the mapping (an inferred technique is at most M); null when unknown.' })
  confidence!: Confidence | null;
}

/** A dated fact of a breach. */
@ObjectType({ description: 'A dated event of a breach timeline; a null date means the record gives none.' })
export class BreachEvent extends Sourced {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => BreachEventKind, { description: 'What happened.' })
  kind!: BreachEventKind;

  @Field(() => LocalDate, { nullable: true, description: 'When; null when unknown.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Details, including conflicts between sources.' })
  description!: string | null;
}

/** A key date of a breach, derived from its timeline. */
@ObjectType({ description: 'A key date of a breach (intrusion, detection, disclosure), taken from the earliest dated event of the matching kinds; `known` is false when no such event has a date.' })
export class KeyDate {
  @Field(() => Boolean, { description: 'False when the record gives no date.' })
  known!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'The date; null when unknown.' })
  date!: string | null;

  @Field(() => BreachEvent, { nullable: true, description: 'The event it comes from (with its source); null when no event of that kind is recorded at all.' })
  event!: unknown;
}

/** What a breach exposed or did not expose. */
@ObjectType({ description: 'Whether a breach exposed a data category for a kind of data subject, with the source saying so.' })
export class Exposure extends Sourced {
  @Field(() => PopulationKind, { description: 'Whose data: insured people or professionals.' })
  subjects!: PopulationKind;

  @Field(() => ExposureStatus, { description: 'Exposed, only claimed (CLAIMED: a single unconfirmed claim, read with its confidence), or stated not exposed.' })
  status!: ExposureStatus;

  @Field(() => ExposureScope, { description: 'Whom among the subjects it is stated for: ALL, or SOME_INSURERS when the record says "for some insurers" (then a given insurer’s people may not be concerned).' })
  scope!: ExposureScope;

  @Field(() => String, { nullable: true, description: 'The restriction in the record’s words; null when scope is ALL.' })
  scopeNote!: string | null;

  @Field(() => String, { nullable: true, description: 'Other remarks.' })
  note!: string | null;
}

/** A caveat on a figure. */
@ObjectType({ description: 'A caveat on a reported figure (e.g. "duplicates possible"), itself a fact with its own source and confidence, which may differ from the figure’s.' })
export class Caveat extends Sourced {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'The caveat, in plain words.' })
  text!: string;
}

/** A system a breach compromised. */
@ObjectType({ description: 'A system a breach compromised, and the access channel the attackers used.' })
export class CompromisedSystem extends Sourced {
}

/** A figure reported about a breach. */
@ObjectType({ description: 'A figure reported about a breach (people, insurers, professionals…), by whom, when, with source and confidence. Figures from different sources are kept side by side, never merged.' })
export class ReportedFigure extends Sourced {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => FigureMetric, { description: 'What it counts.' })
  metric!: FigureMetric;

  @Field(() => Number, { nullable: true, description: 'The number; null when only words were reported.' })
  value!: number | null;

  @Field(() => SizeQualifier, { nullable: true, description: 'How the source qualifies it ("plus de" is MORE_THAN).' })
  qualifier!: SizeQualifier | null;

  @Field(() => String, { nullable: true, description: 'The wording of the source.' })
  text!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was reported; null when unknown.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Remarks; caveats with their own source are in `caveats`.' })
  note!: string | null;

  @Field(() => [Caveat], { description: 'Caveats on the figure, each with its own source and confidence (e.g. AFP: the CNIL’s 33 million may count people twice).' })
  caveats!: unknown[];

  @Field(() => Int, { nullable: true, description: 'The year the figure describes (market figures, e.g. 2023); null when it describes the report date.' })
  year!: number | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'For MARKET_INSURERS: the legal type counted; null for all types.' })
  organizationKind!: OrganizationKind | null;
}
