import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { BreachEventKind, ExposureStatus, FigureMetric, PopulationKind, SizeQualifier } from '../../domain/common/enums';
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

  @Field(() => ExposureStatus, { description: 'Exposed, only claimed, or stated not exposed.' })
  status!: ExposureStatus;

  @Field(() => String, { nullable: true, description: 'Caveats (e.g. "for some insurers only").' })
  note!: string | null;
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

  @Field(() => String, { nullable: true, description: 'Caveats (double counting, scope).' })
  note!: string | null;
}
