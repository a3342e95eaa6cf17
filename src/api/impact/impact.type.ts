import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { GdprRole, HopKind, PartnerRole, PathBasis, PopulationKind } from '../../domain/common/enums';
import { Sourced } from '../common/sourced.type';

/** One hop of an impact path. */
@ObjectType({ description: 'One hop of an impact path, with the GDPR role of the organisation at that hop (null for the breach, system and population hops).' })
export class PathHop {
  @Field(() => HopKind, { description: 'Position in the chain.' })
  kind!: HopKind;

  @Field(() => ID, { description: 'Id of the breach, system, organisation or population.' })
  id!: string;

  @Field(() => GdprRole, { nullable: true, description: 'GDPR role of the organisation on this flow.' })
  gdprRole!: GdprRole | null;
}

/** A path from a breach to a population. */
@ObjectType({ description: 'How a breach reaches a population: breach → compromised system → operator → partner (if any) → controller (the insurer) → population, through one data flow.' })
export class ImpactPath extends Sourced {
  @Field(() => PathBasis, { description: 'ACTIVE when the flow was running on the reference date; RETAINED when it had ended but the receiver still held the data.' })
  basis!: PathBasis;

  @Field(() => LocalDate, { nullable: true, description: 'Start of the flow; null when unknown.' })
  flowValidFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'End of the flow; null when unknown or still running.' })
  flowValidTo!: string | null;

  @Field(() => Int, { nullable: true, description: 'Months the receiver keeps the data after the end; null = unknown, assumed still held.' })
  retentionMonths!: number | null;

  @Field(() => String, { nullable: true, description: 'Caveats of the flow.' })
  note!: string | null;
}

/** Totals of a breach impact. */
@ObjectType({ description: 'Totals of a breach impact. `people` and `contracts` count the contract portfolio in the graph (synthetic or imported), each person once whatever the number of paths; population figures are as reported and may overlap. Under disclosure control (every role but INSURER) `people` and `contracts` may be withheld: see `suppressed`.' })
export class ImpactTotals {
  @Field(() => Int, { nullable: true, description: 'Distinct people (pseudonymous keys) on affected contracts, counted once even when reachable through several paths or insurers; null when suppressed.' })
  people!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct affected contracts; null when suppressed.' })
  contracts!: number | null;

  @Field(() => Boolean, { description: 'True when disclosure control withholds `people` and `contracts` here (both null then, never a silent 0): a count of 1 to DISCLOSURE_MIN_CELL-1, or a cell withheld so that the others cannot give it back. Always false for an insurer (its own figures).' })
  suppressed!: boolean;

  @Field(() => Int, { description: 'Distinct insurers (data controllers) whose insured people are reached.' })
  insurers!: number;

  @Field(() => Int, { description: 'Distinct populations reached (insured and professional).' })
  populations!: number;

  @Field(() => Int, { description: 'Populations reached whose size the record does not give.' })
  populationsOfUnknownSize!: number;

  @Field(() => Number, { nullable: true, description: 'Sum of the reported sizes of the populations reached that have one; a partial figure, since others are unknown and populations may overlap. Null when none has a size.' })
  reportedPopulationSizeSum!: number | null;
}

/** One insurer's share of a breach impact. */
@ObjectType({ description: 'One insurer’s share of a breach impact.' })
export class InsurerImpact {
  @Field(() => Int, { nullable: true, description: 'Distinct people on its affected contracts; null when suppressed.' })
  people!: number | null;

  @Field(() => Int, { nullable: true, description: 'Its affected contracts; null when suppressed.' })
  contracts!: number | null;

  @Field(() => Boolean, { description: 'True when disclosure control withholds `people` and `contracts` here (both null then, never a silent 0): a count of 1 to DISCLOSURE_MIN_CELL-1, or a cell withheld so that the others cannot give it back. Always false for an insurer (its own figures).' })
  suppressed!: boolean;

  @Field(() => [PathBasis], { description: 'Why its data was there: ACTIVE flow, RETAINED after the flow ended, or both.' })
  bases!: PathBasis[];
}

/** One partner's share of a breach impact. */
@ObjectType({ description: 'Impact through one partner: the operator whose system was hit, or a care network the affected contracts go through.' })
export class PartnerImpact {
  @Field(() => PartnerRole, { description: 'Operator or care network.' })
  role!: PartnerRole;

  @Field(() => Int, { nullable: true, description: 'Distinct people on affected contracts through this partner; null when suppressed.' })
  people!: number | null;

  @Field(() => Int, { nullable: true, description: 'Affected contracts through this partner; null when suppressed.' })
  contracts!: number | null;

  @Field(() => Boolean, { description: 'True when disclosure control withholds `people` and `contracts` here (both null then, never a silent 0): a count of 1 to DISCLOSURE_MIN_CELL-1, or a cell withheld so that the others cannot give it back. Always false for an insurer (its own figures).' })
  suppressed!: boolean;

  @Field(() => Int, { description: 'Distinct insurers reached through this partner (from the paths, including insurers with no contract in the graph).' })
  insurers!: number;
}

/** One data category's share of a breach impact. */
@ObjectType({ description: 'Impact per exposed data category.' })
export class CategoryImpact {
  @Field(() => [PopulationKind], { description: 'Kinds of data subjects whose data of this category was exposed.' })
  subjects!: PopulationKind[];

  @Field(() => Int, { nullable: true, description: 'Distinct people on affected contracts whose exposed data include this category; null when suppressed.' })
  people!: number | null;

  @Field(() => Int, { nullable: true, description: 'Affected contracts whose exposed data include this category; null when suppressed.' })
  contracts!: number | null;

  @Field(() => Boolean, { description: 'True when disclosure control withholds `people` and `contracts` here (both null then, never a silent 0): a count of 1 to DISCLOSURE_MIN_CELL-1, or a cell withheld so that the others cannot give it back. Always false for an insurer (its own figures).' })
  suppressed!: boolean;

  @Field(() => Int, { description: 'Populations reached with this category exposed.' })
  populations!: number;
}

/** The answer to "who is affected by this breach, through which partner". */
@ObjectType({ description: 'Who is affected by a breach and through which partner, on a reference date. Every field loads lazily: ask only for what you need.' })
export class BreachImpact {}

/** An insurer affected by one or more breaches. */
@ObjectType({ description: 'An insurer affected by one or more of the breaches asked about.' })
export class AffectedInsurer {
  @Field(() => Boolean, { description: 'True when every breach asked about reaches this insurer.' })
  affectedByAll!: boolean;
}
