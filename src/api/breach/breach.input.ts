import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { BreachEventKind, Confidence, ExposureStatus, FigureMetric, PopulationKind, SizeQualifier } from '../../domain/common/enums';

/** Source and confidence of a fact being registered; never used alone, only extended. */
@InputType({ description: 'Source and confidence of a fact.' })
export abstract class SourcedInput {
  @Field(() => String, { nullable: true, description: 'Source address (without scheme).' })
  sourceUrl?: string | null;

  @Field(() => Confidence, { nullable: true, description: 'Confidence in this fact.' })
  confidence?: Confidence | null;
}

/** A dated event of a breach being registered. */
@InputType({ description: 'A dated event of the breach; date null means unknown.' })
export class BreachEventInput extends SourcedInput {
  @Field(() => BreachEventKind, { description: 'What happened.' })
  kind!: BreachEventKind;

  @Field(() => LocalDate, { nullable: true, description: 'When; null when unknown.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Details.' })
  description?: string | null;
}

/** A category exposed (or not) by a breach being registered. */
@InputType({ description: 'Whether the breach exposed a data category, for a kind of data subject.' })
export class ExposureInput extends SourcedInput {
  @Field(() => ID, { description: 'Data category id, e.g. `cat-nir`.' })
  categoryId!: string;

  @Field(() => PopulationKind, { description: 'Whose data.' })
  subjects!: PopulationKind;

  @Field(() => ExposureStatus, { description: 'Exposed, claimed, or stated not exposed.' })
  status!: ExposureStatus;

  @Field(() => String, { nullable: true, description: 'Caveats.' })
  note?: string | null;
}

/** A figure reported about a breach being registered. */
@InputType({ description: 'A figure reported about the breach.' })
export class ReportedFigureInput extends SourcedInput {
  @Field(() => ID, { description: 'Stable id, e.g. `fig-acme-people`.' })
  id!: string;

  @Field(() => FigureMetric, { description: 'What it counts.' })
  metric!: FigureMetric;

  @Field(() => Number, { nullable: true, description: 'The number.' })
  value?: number | null;

  @Field(() => SizeQualifier, { nullable: true, description: 'How the source qualifies it.' })
  qualifier?: SizeQualifier | null;

  @Field(() => String, { nullable: true, description: 'Wording of the source.' })
  text?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organisation that reported it.' })
  reportedById?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was reported.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats.' })
  note?: string | null;
}

/** A breach to register (or to update, when it was registered through this mutation before). */
@InputType({ description: 'A breach to register; registering the same id again replaces what the previous registration wrote.' })
export class RegisterBreachInput {
  @Field(() => ID, { description: 'Stable id starting with `breach-`, kebab-case.' })
  id!: string;

  @Field(() => String, { description: 'Short name.' })
  name!: string;

  @Field(() => ID, { description: 'The organisation breached.' })
  victimId!: string;

  @Field(() => String, { nullable: true, description: 'What happened.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Attack vector in plain words.' })
  vector?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'MITRE ATT&CK technique ids, e.g. T1078 or T1598.003.' })
  attackTechniques!: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether ransomware was involved; null when unknown.' })
  ransomware?: boolean | null;

  @Field(() => [ID], { description: 'Systems compromised (at least one).' })
  compromisedSystemIds!: string[];

  @Field(() => ID, { nullable: true, description: 'Access channel the attackers used, if known.' })
  accessChannelId?: string | null;

  @Field(() => [BreachEventInput], { defaultValue: [], description: 'Dated events.' })
  events!: BreachEventInput[];

  @Field(() => [ExposureInput], { defaultValue: [], description: 'Categories exposed or stated not exposed.' })
  exposures!: ExposureInput[];

  @Field(() => [ReportedFigureInput], { defaultValue: [], description: 'Figures reported.' })
  reportedFigures!: ReportedFigureInput[];
}
