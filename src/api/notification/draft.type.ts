import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import type { CountBasis, DraftPhase } from '../../domain/notification/draft';

/** Art. 33(4) phase of a draft. */
export const DraftPhaseEnum = { INITIAL: 'INITIAL', COMPLEMENTARY: 'COMPLEMENTARY' } as const;
registerEnumType(DraftPhaseEnum, {
  name: 'DraftPhase',
  description: 'Art. 33(4): INITIAL while the controller has no recorded notification to the CNIL, COMPLEMENTARY once it has one.',
});

/** Where a draft's numbers come from. */
export const CountBasisEnum = { SYNTHETIC_PORTFOLIO: 'SYNTHETIC_PORTFOLIO', IMPORTED_PORTFOLIO: 'IMPORTED_PORTFOLIO', REPORTED: 'REPORTED', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(CountBasisEnum, {
  name: 'DraftCountBasis',
  description: 'Where a draft’s numbers come from.',
  valuesConfig: {
    SYNTHETIC_PORTFOLIO: { description: 'Counted in the graph from the synthetic demonstration portfolio: not real people.' },
    IMPORTED_PORTFOLIO: { description: 'Counted in the graph from the insurer’s imported portfolio.' },
    REPORTED: { description: 'No portfolio loaded: the figure reported about this controller, with its source.' },
    UNKNOWN: { description: 'No portfolio loaded and no reported figure: unknown.' },
  },
});

/** A count as a range over the plausible dates. */
@ObjectType({ description: 'A count over the plausible dates: smallest and largest, with the days they occur on. Exact when the dates are known.' })
export class DraftRangeType {
  @Field(() => Int, { nullable: true, description: 'Smallest count over the window; null when withheld.' })
  min!: number | null;

  @Field(() => Int, { nullable: true, description: 'Largest count over the window; null when withheld.' })
  max!: number | null;

  @Field(() => Boolean, { description: 'True when the window is one known date (min = max).' })
  exact!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'The day of the smallest count.' })
  minOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The day of the largest count.' })
  maxOn!: string | null;

  @Field(() => Boolean, { description: 'True when disclosure control withheld the bounds (a REGULATOR reading a small count).' })
  suppressed!: boolean;
}

/** The dates a draft's count is taken on. */
@ObjectType({ description: 'The dates a draft’s count spans, and why: one known date, or the plausible dates when the intrusion date is unknown.' })
export class DraftWindowType {
  @Field(() => LocalDate, { nullable: true, description: 'First date counted; null when the breach has no dated event.' })
  from!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last date counted.' })
  to!: string | null;

  @Field(() => Boolean, { description: 'True when one known intrusion or detection date is counted.' })
  exact!: boolean;

  @Field(() => ID, { nullable: true, description: 'The breach whose dated intrusion gives `from`, when this breach’s own is unknown (an assumption, said in `note`).' })
  relatedBreachId!: string | null;

  @Field(() => String, { description: 'The window in words, with its assumptions.' })
  note!: string;
}

/** A fact of a draft with its provenance. */
@ObjectType({ description: 'A dated fact of a draft (timeline entry, measure taken), with its source and confidence.' })
export class DraftFactType {
  @Field(() => String, { description: 'What.' })
  text!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When; null when unknown.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Source address; null when unknown.' })
  sourceUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Confidence (H, M, L); null when unknown.' })
  confidence!: string | null;
}

/** A data category of a draft. */
@ObjectType({ description: 'A data category in a draft, with its exposure status, scope and provenance.' })
export class DraftCategoryType {
  @Field(() => ID, { description: 'Category id, e.g. `cat-nir`.' })
  categoryId!: string;

  @Field(() => String, { description: 'Category name.' })
  name!: string;

  @Field(() => String, { description: 'EXPOSED, CLAIMED or NOT_EXPOSED.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Whom among the subjects it is stated for (ALL, SOME_INSURERS, SOME_SUBJECTS).' })
  scope!: string | null;

  @Field(() => String, { nullable: true, description: 'Scope in words.' })
  scopeNote!: string | null;

  @Field(() => String, { nullable: true, description: 'Source address; null when unknown.' })
  sourceUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Confidence (H, M, L); null when unknown.' })
  confidence!: string | null;
}

/** A population a draft names. */
@ObjectType({ description: 'A category of data subjects in a draft: a population of the controller the breach reaches.' })
export class DraftSubjectType {
  @Field(() => ID, { description: 'Population id.' })
  populationId!: string;

  @Field(() => String, { description: 'Population name.' })
  name!: string;

  @Field(() => String, { description: 'INSURED or PROFESSIONAL.' })
  kind!: string;
}

/** A reported figure a draft falls back to. */
@ObjectType({ description: 'The figure reported about this controller, used when no portfolio is loaded.' })
export class DraftFigureType {
  @Field(() => ID, { description: 'Figure id.' })
  figureId!: string;

  @Field(() => Int, { nullable: true, description: 'The value; null when the source gives only text.' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'EXACT, ABOUT, MORE_THAN or FEWER_THAN.' })
  qualifier!: string | null;

  @Field(() => String, { nullable: true, description: 'The figure as the source words it.' })
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'Source address.' })
  sourceUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Confidence (H, M, L).' })
  confidence!: string | null;
}

/** The Art. 33(3) draft of one controller. */
@ObjectType({ description: 'What Art. 33(3) requires one controller to tell the CNIL about a breach, as structured fields, as Markdown ready to paste into the CNIL’s form, and as JSON. Numbers are ranges over the plausible dates; unknowns are said as unknown.' })
export class NotificationDraft {
  @Field(() => DraftPhaseEnum, { description: 'INITIAL or COMPLEMENTARY (Art. 33(4)), from the controller’s recorded notifications.' })
  phase!: DraftPhase;

  @Field(() => String, { description: 'Why this phase.' })
  phaseNote!: string;

  @Field(() => String, { nullable: true, description: 'Nature of the breach: what happened.' })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'Nature of the breach: the attack vector.' })
  vector!: string | null;

  @Field(() => [String], { description: 'Names of the systems compromised.' })
  systems!: string[];

  @Field(() => [String], { description: 'MITRE ATT&CK technique ids.' })
  attackTechniques!: string[];

  @Field(() => [DraftFactType], { description: 'The breach’s timeline, with sources.' })
  timeline!: DraftFactType[];

  @Field(() => DraftWindowType, { description: 'The dates the counts span.' })
  window!: DraftWindowType;

  @Field(() => [DraftSubjectType], { description: 'Categories of data subjects: the controller’s populations the breach reaches.' })
  dataSubjects!: DraftSubjectType[];

  @Field(() => [DraftCategoryType], { description: 'Categories of personal data exposed or claimed for those subjects.' })
  dataCategories!: DraftCategoryType[];

  @Field(() => [DraftCategoryType], { description: 'Categories stated not exposed for those subjects.' })
  notExposed!: DraftCategoryType[];

  @Field(() => CountBasisEnum, { description: 'Where the numbers come from.' })
  countBasis!: CountBasis;

  @Field(() => DraftRangeType, { nullable: true, description: 'Approximate number of people: a range; null when unknown (no portfolio loaded).' })
  people!: DraftRangeType | null;

  @Field(() => DraftRangeType, { nullable: true, description: 'Approximate number of records (contracts): a range; null when unknown.' })
  records!: DraftRangeType | null;

  @Field(() => DraftFigureType, { nullable: true, description: 'The figure reported about this controller’s affected people, if any.' })
  reportedPeople!: DraftFigureType | null;

  @Field(() => String, { description: 'How the numbers were obtained and what they cover.' })
  countNote!: string;

  @Field(() => [String], { description: 'Likely consequences for the people, from the categories exposed.' })
  likelyConsequences!: string[];

  @Field(() => [DraftFactType], { description: 'Measures taken, as the record states them.' })
  measuresTaken!: DraftFactType[];

  @Field(() => [String], { description: 'Measures proposed: suggestions for the controller to confirm, not facts of the record.' })
  measuresProposed!: string[];

  @Field(() => String, { nullable: true, description: 'Contact point (DPO); null: not in the record.' })
  contactPoint!: string | null;

  @Field(() => String, { description: 'What to put as the contact point.' })
  contactPointNote!: string;
}
