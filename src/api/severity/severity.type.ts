import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { ExposureScope, ExposureStatus, PopulationKind } from '../../domain/common/enums';
import { Sourced } from '../common/sourced.type';

/** ENISA's severity levels. */
export const SeverityLevel = { LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH', VERY_HIGH: 'VERY_HIGH' } as const;
export type SeverityLevel = keyof typeof SeverityLevel;
registerEnumType(SeverityLevel, {
  name: 'SeverityLevel',
  description: 'ENISA (2013) severity level of a score SE: LOW (SE < 2), MEDIUM (2 ≤ SE < 3), HIGH (3 ≤ SE < 4), VERY_HIGH (SE ≥ 4).',
});

/** ENISA's types of data (DPC basic scores). */
export const EnisaDataType = { SIMPLE: 'SIMPLE', BEHAVIOURAL: 'BEHAVIOURAL', FINANCIAL: 'FINANCIAL', SENSITIVE: 'SENSITIVE' } as const;
export type EnisaDataType = keyof typeof EnisaDataType;
registerEnumType(EnisaDataType, {
  name: 'EnisaDataType',
  description: 'ENISA type of data, with its basic DPC score: SIMPLE 1 (identity, contact, biographical), BEHAVIOURAL 2 (location, traffic, habits), FINANCIAL 3 (bank, transactions, income), SENSITIVE 4 (health and the other GDPR Art. 9 data).',
});

/** ENISA's levels of ease of identification. */
export const EaseOfIdentificationLevel = { NEGLIGIBLE: 'NEGLIGIBLE', LIMITED: 'LIMITED', SIGNIFICANT: 'SIGNIFICANT', MAXIMUM: 'MAXIMUM' } as const;
export type EaseOfIdentificationLevel = keyof typeof EaseOfIdentificationLevel;
registerEnumType(EaseOfIdentificationLevel, {
  name: 'EaseOfIdentificationLevel',
  description: 'ENISA ease of identification (EI): NEGLIGIBLE 0.25, LIMITED 0.5, SIGNIFICANT 0.75, MAXIMUM 1 (identification straight from the data).',
});

/** How much a category tells who a person is. */
export const IdentifyingPower = { DIRECT: 'DIRECT', UNIQUE_ID: 'UNIQUE_ID', DISTINGUISHING: 'DISTINGUISHING', INDIRECT: 'INDIRECT', NONE: 'NONE' } as const;
export type IdentifyingPower = keyof typeof IdentifyingPower;
registerEnumType(IdentifyingPower, {
  name: 'IdentifyingPower',
  description: 'What a category does for identification: DIRECT (a name), UNIQUE_ID (the NIR), DISTINGUISHING (birth date, address: tells homonyms apart), INDIRECT (an identifier someone else’s records resolve: contract number, email, IBAN, SIRET), NONE.',
});

/** Which exposures count. */
export const SeverityCountRule = { BREACH: 'BREACH', CONTROLLER: 'CONTROLLER' } as const;
export type SeverityCountRule = keyof typeof SeverityCountRule;
registerEnumType(SeverityCountRule, {
  name: 'SeverityCountRule',
  description: 'Which exposures are scored. BREACH: every EXPOSED category of the record, whatever its scope (the people most exposed). CONTROLLER: EXPOSED categories on the controller’s paths stated for all subjects; one stated for some insurers only is unconfirmed for a given controller. In both, CLAIMED is never scored: its effect is `ifUnconfirmedHeld`.',
});

/** How the rule treated a category. */
export const CategoryTreatment = { COUNTED: 'COUNTED', UNCONFIRMED: 'UNCONFIRMED', NOT_EXPOSED: 'NOT_EXPOSED', UNCLASSIFIED: 'UNCLASSIFIED' } as const;
export type CategoryTreatment = keyof typeof CategoryTreatment;
registerEnumType(CategoryTreatment, {
  name: 'CategoryTreatment',
  description: 'COUNTED: scored. UNCONFIRMED: a claim, or an exposure not confirmed for this controller; shown, not scored (see `ifUnconfirmedHeld`). NOT_EXPOSED: stated not exposed. UNCLASSIFIED: no ENISA classification yet, not scored.',
});

/** A fact that sets a circumstance of the breach. */
@ObjectType({ description: 'A fact of the breach record that sets a severity factor, with its source and confidence.' })
export class SeverityFact extends Sourced {
  @Field(() => String, { description: 'What kind of record: VECTOR, TECHNIQUE (ATT&CK, stated not inferred), EVENT, COMPROMISED (system), RANSOMWARE.' })
  kind!: string;

  @Field(() => String, { description: 'The fact in words.' })
  text!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Its date; null when undated or not a dated fact.' })
  date!: string | null;
}

/** One element of CB. */
@ObjectType({ description: 'One element of the circumstances of the breach (CB): its extent, what it adds, and the facts that set it; `stated: false` when the record is silent and it adds 0.' })
export class CircumstanceElement {
  @Field(() => String, { description: 'Extent in the method’s terms: confidentiality NONE / KNOWN_RECIPIENTS (+0.25) / UNKNOWN_RECIPIENTS (+0.5); integrity NONE / RECOVERABLE / NOT_RECOVERABLE; availability NONE / TEMPORARY (+0.25) / PERMANENT (+0.5); malicious intent NONE / MALICIOUS (+0.5).' })
  extent!: string;

  @Field(() => Float, { description: 'What it adds to CB.' })
  score!: number;

  @Field(() => Boolean, { description: 'False when the record is silent on this element (scored 0 for want of a fact).' })
  stated!: boolean;

  @Field(() => String, { description: 'Why this extent.' })
  explanation!: string;

  @Field(() => [SeverityFact], { description: 'The facts that set it; empty when the record is silent.' })
  facts!: SeverityFact[];
}

/** CB. */
@ObjectType({ description: 'Circumstances of the breach (CB): loss of confidentiality, integrity, availability, and malicious intent, added to DPC × EI. Read from the breach record, the same for every kind of people.' })
export class BreachCircumstances {
  @Field(() => Float, { description: 'CB: the sum of the four elements.' })
  score!: number;

  @Field(() => CircumstanceElement, { description: 'Loss of confidentiality: how widely the data went.' })
  confidentiality!: CircumstanceElement;

  @Field(() => CircumstanceElement, { description: 'Loss of integrity: whether data were altered.' })
  integrity!: CircumstanceElement;

  @Field(() => CircumstanceElement, { description: 'Loss of availability: whether the data could not be reached, for a time or for good.' })
  availability!: CircumstanceElement;

  @Field(() => CircumstanceElement, { description: 'Malicious intent: an attack rather than an error.' })
  maliciousIntent!: CircumstanceElement;
}

/** A contextual adjustment of DPC. */
@ObjectType({ description: 'A contextual factor of DPC (ENISA step 2): volume of data per person, characteristics of the controller or of the individuals, invalid data, prior public availability, nature of the data.' })
export class DpcAdjustment {
  @Field(() => String, { description: 'The factor: VOLUME, CONTROLLER_CHARACTERISTICS, VULNERABLE_INDIVIDUALS, INVALID_OR_INACCURATE, PUBLICLY_AVAILABLE, NATURE_OF_DATA.' })
  factor!: string;

  @Field(() => Float, { description: 'Change to the basic score (0 when not applied).' })
  delta!: number;

  @Field(() => Boolean, { description: 'False when the record holds no fact that sets this factor.' })
  stated!: boolean;

  @Field(() => String, { description: 'Why.' })
  explanation!: string;
}

/** DPC. */
@ObjectType({ description: 'Data processing context (DPC): the basic score of the highest type of data among the scored categories, adjusted by the contextual factors, kept within 1–4.' })
export class DataProcessingContext {
  @Field(() => Float, { nullable: true, description: 'DPC; null when no category is scored.' })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'Basic score before adjustments.' })
  basicScore!: number | null;

  @Field(() => EnisaDataType, { nullable: true, description: 'The highest type of data present.' })
  dataType!: EnisaDataType | null;

  @Field(() => [ID], { description: 'The categories of that type (they set DPC).' })
  setBy!: string[];

  @Field(() => [DpcAdjustment], { description: 'Every contextual factor, applied or not, and why.' })
  adjustments!: DpcAdjustment[];

  @Field(() => String, { description: 'DPC in words.' })
  explanation!: string;
}

/** EI. */
@ObjectType({ description: 'Ease of identification (EI): how easily whoever holds the scored data can tell whom it is about.' })
export class EaseOfIdentification {
  @Field(() => EaseOfIdentificationLevel, { nullable: true, description: 'The level; null when no category is scored.' })
  level!: EaseOfIdentificationLevel | null;

  @Field(() => Float, { nullable: true, description: 'EI: 0.25, 0.5, 0.75 or 1.' })
  score!: number | null;

  @Field(() => [ID], { description: 'The categories that set it.' })
  setBy!: string[];

  @Field(() => String, { description: 'EI in words.' })
  explanation!: string;
}

/** One category of a group, as the rule read it. */
@ObjectType({ description: 'One data category of the record for one kind of people, with its exposure status, scope, source and confidence as recorded, its ENISA classification, and whether it was scored.' })
export class SeverityCategory extends Sourced {
  @Field(() => ID, { description: 'Category id, e.g. `cat-nir`.' })
  categoryId!: string;

  @Field(() => String, { nullable: true, description: 'Category name.' })
  categoryName!: string | null;

  @Field(() => ExposureStatus, { description: 'EXPOSED, CLAIMED or NOT_EXPOSED, as recorded. A CLAIMED category is a claim, never scored as an exposure.' })
  status!: ExposureStatus;

  @Field(() => ExposureScope, { nullable: true, description: 'Whom the exposure is stated for.' })
  scope!: ExposureScope | null;

  @Field(() => String, { nullable: true, description: 'What the record says of the scope.' })
  scopeNote!: string | null;

  @Field(() => String, { nullable: true, description: 'Note of the exposure record.' })
  note!: string | null;

  @Field(() => EnisaDataType, { nullable: true, description: 'ENISA type of data; null when unclassified.' })
  dataType!: EnisaDataType | null;

  @Field(() => Float, { nullable: true, description: 'Basic DPC score of that type.' })
  basicScore!: number | null;

  @Field(() => IdentifyingPower, { nullable: true, description: 'What it does for identification (EI).' })
  identifying!: IdentifyingPower | null;

  @Field(() => String, { nullable: true, description: 'Why it is classified so (src/domain/severity/category-classes.ts).' })
  rationale!: string | null;

  @Field(() => CategoryTreatment, { description: 'Whether it was scored.' })
  treatment!: CategoryTreatment;

  @Field(() => String, { description: 'Why it was or was not scored.' })
  reason!: string;
}

/** A score with its level. */
@ObjectType({ description: 'A severity score with its level and the Art. 34 consequence; all null when nothing is scored.' })
export class SeverityOutcome {
  @Field(() => Float, { nullable: true, description: 'SE = DPC × EI + CB; null when no category is scored.' })
  score!: number | null;

  @Field(() => SeverityLevel, { nullable: true, description: 'The level of SE.' })
  level!: SeverityLevel | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether Art. 34 GDPR notification of the people follows: true for HIGH and VERY_HIGH (read as "high risk"; this mapping is the project’s rule, the 2013 method predates the GDPR).' })
  notifyDataSubjects!: boolean | null;

  @Field(() => String, { description: 'The formula with its numbers, in words.' })
  explanation!: string;
}

/** The effect of unconfirmed exposures on a group. */
@ObjectType({ description: 'What the score of a kind of people would be if its unconfirmed categories (claims, exposures not confirmed for this controller) were exposed too. Never the score itself.' })
export class UnconfirmedEffect extends SeverityOutcome {
  @Field(() => DataProcessingContext, { description: 'DPC with them.' })
  dataProcessingContext!: DataProcessingContext;

  @Field(() => EaseOfIdentification, { description: 'EI with them.' })
  easeOfIdentification!: EaseOfIdentification;

  @Field(() => [ID], { description: 'The unconfirmed categories added.' })
  categoryIds!: string[];
}

/** The severity for one kind of people. */
@ObjectType({ description: 'Severity for one kind of data subjects (insured people or health professionals), each factor with the categories that set it.' })
export class GroupSeverity extends SeverityOutcome {
  @Field(() => PopulationKind, { description: 'Whose data.' })
  subjects!: PopulationKind;

  @Field(() => DataProcessingContext, { description: 'DPC of the scored categories.' })
  dataProcessingContext!: DataProcessingContext;

  @Field(() => EaseOfIdentification, { description: 'EI of the scored categories.' })
  easeOfIdentification!: EaseOfIdentification;

  @Field(() => [SeverityCategory], { description: 'Every category of the record for these people: scored, unconfirmed, stated not exposed, or unclassified.' })
  categories!: SeverityCategory[];

  @Field(() => UnconfirmedEffect, { nullable: true, description: 'The score if the unconfirmed categories held; null when there are none.' })
  ifUnconfirmedHeld!: UnconfirmedEffect | null;
}

/** An explained severity. */
@ObjectType({ description: 'An explained severity of a breach, for the whole record or for one controller’s people, after ENISA’s "Recommendations for a methodology of the assessment of severity of personal data breaches" (2013): SE = DPC × EI + CB. The whole is the highest kind of people, named in `drivenBy`.' })
export class BreachSeverity extends SeverityOutcome {
  @Field(() => String, { description: 'The method, cited.' })
  method!: string;

  @Field(() => ID, { description: 'The breach.' })
  breachId!: string;

  @Field(() => ID, { nullable: true, description: 'The controller whose people are assessed; null for the whole breach.' })
  controllerId!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'For a controller: the reference date of the paths that chose its categories (the breach’s own). Null for the whole breach, which reads the record only.' })
  referenceDate!: string | null;

  @Field(() => [ID], { description: 'For a controller: the populations its paths reach. Empty for the whole breach.' })
  populationIds!: string[];

  @Field(() => PopulationKind, { nullable: true, description: 'The kind of people whose score is the whole’s; null when nothing is scored.' })
  drivenBy!: PopulationKind | null;

  @Field(() => SeverityCountRule, { description: 'Which exposures were scored.' })
  countRule!: SeverityCountRule;

  @Field(() => BreachCircumstances, { description: 'CB, shared by every kind of people.' })
  circumstances!: BreachCircumstances;

  @Field(() => [GroupSeverity], { description: 'Per kind of people.' })
  groups!: GroupSeverity[];

  @Field(() => SeverityOutcome, { nullable: true, description: 'The whole if every unconfirmed category held; null when there are none.' })
  ifUnconfirmedHeld!: SeverityOutcome | null;
}
