import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { CountSource, CoverageStatus, FigureMeasure, GdprRole, HopKind, PartnerRole, PathBasis, PopulationKind, SizeQualifier } from '../../domain/common/enums';
import { Sourced } from '../common/sourced.type';
import type { PopulationFigureRoot } from '../../domain/impact/reported-populations';

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

/** What the graph holds of one insurer's contract portfolio. */
@ObjectType({ description: 'The contract portfolio behind an insurer’s counts: whether one is loaded, where it comes from and as of when.' })
export class PortfolioCoverage {
  @Field(() => CoverageStatus, { description: 'PORTFOLIO_LOADED, or NO_PORTFOLIO_LOADED (then its people and contracts are null: unknown, not 0).' })
  status!: CoverageStatus;

  @Field(() => [CountSource], { description: 'Origins of its loaded contracts (SYNTHETIC, SEEDED, IMPORTED); empty when none is loaded.' })
  sources!: CountSource[];

  @Field(() => [String], { description: 'Seed datasets its contracts came from (e.g. `synthetic-portfolio`); a seed load records no time.' })
  datasets!: string[];

  @Field(() => String, { nullable: true, description: 'When an import last wrote its contracts (ISO 8601 date-time); null when never imported.' })
  lastImportedAt!: string | null;
}

/** The figure used for one reported population. */
@ObjectType({ description: 'A figure of the public record for one population reached: its affected count when a reported figure gives one, else its reported size (an upper bound). Source REPORTED: never counted in the graph.' })
export class PopulationFigure extends Sourced {
  @Field(() => Number, { description: 'The figure.' })
  value!: number;

  @Field(() => SizeQualifier, { nullable: true, description: 'How the source qualifies it (ABOUT, MORE_THAN…).' })
  qualifier!: SizeQualifier | null;

  @Field(() => FigureMeasure, { description: 'AFFECTED_COUNT (people affected, from a reported figure) or POPULATION_SIZE (the population’s size, when no affected count is reported).' })
  measure!: FigureMeasure;

  @Field(() => CountSource, { description: 'Always REPORTED.' })
  source!: CountSource;
}

/** Reported figures of the populations of one kind a breach reaches. */
@ObjectType({ description: 'What the public record says of how many people of one kind (insured people or professionals, never added together) the populations reached hold or lost: one figure per population, the affected count where a figure gives it, else the population size. Populations may overlap, so `sum` is not a count of distinct people; `largest` never overstates.' })
export class ReportedPopulations {
  @Field(() => PopulationKind, { description: 'Kind of data subjects.' })
  kind!: PopulationKind;

  @Field(() => Int, { description: 'Populations of this kind reached.' })
  populations!: number;

  @Field(() => Int, { description: 'Populations reached with neither an affected count nor a size in the record.' })
  populationsOfUnknownSize!: number;

  @Field(() => [PopulationFigure], { description: 'The figure used for each population that has one.' })
  figures!: PopulationFigureRoot[];

  @Field(() => Number, { nullable: true, description: 'Sum of the figures used (affected counts, else sizes); a partial figure when some populations are of unknown size, an overstatement when populations overlap. Null when no population has a figure.' })
  sum!: number | null;

  @Field(() => Number, { nullable: true, description: 'The largest figure used: at least this many of this kind are concerned, as reported (read its qualifier). Null when none.' })
  largest!: number | null;
}

/** Totals of a breach impact. */
@ObjectType({ description: 'Totals of a breach impact. `people` and `contracts` count the contract portfolios loaded in the graph (see `sources`: synthetic, seeded or imported), each person once whatever the number of paths, and are a lower bound when an insurer reached has no portfolio loaded (`lowerBound`). Reported figures (`reportedInsured`, `reportedProfessionals`) stand beside them, never added. Under disclosure control (every role but INSURER) `people` and `contracts` may be withheld: see `suppressed`.' })
export class ImpactTotals {
  @Field(() => Int, { nullable: true, description: 'Distinct people (pseudonymous keys) on affected contracts, counted once even when reachable through several paths or insurers; null when suppressed, or unknown because no insurer reached has a portfolio loaded.' })
  people!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct affected contracts; null when suppressed or unknown (as `people`).' })
  contracts!: number | null;

  @Field(() => [CountSource], { description: 'Where `people` and `contracts` come from: the origins of the portfolios loaded for the insurers reached (SYNTHETIC: invented, not a real count). Empty when none is loaded.' })
  sources!: CountSource[];

  @Field(() => Boolean, { description: 'True when `people` and `contracts` are a lower bound: an insurer reached has no portfolio loaded, or insured people are reached through an intermediary whose insurers are unknown.' })
  lowerBound!: boolean;

  @Field(() => Int, { description: 'Insurers reached that have a portfolio loaded (their people are counted).' })
  insurersWithPortfolio!: number;

  @Field(() => Boolean, { description: 'True when disclosure control withholds `people` and `contracts` here (both null then, never a silent 0): a count of 1 to DISCLOSURE_MIN_CELL-1, or a cell withheld so that the others cannot give it back. Always false for an insurer (its own figures).' })
  suppressed!: boolean;

  @Field(() => Int, { description: 'Distinct insurers (data controllers) whose insured people are reached.' })
  insurers!: number;

  @Field(() => Int, { description: 'Distinct populations reached (insured and professional).' })
  populations!: number;

  @Field(() => Int, { description: 'Populations reached (any kind) with neither a reported affected count nor a size.' })
  populationsOfUnknownSize!: number;
}

/** One insurer's share of a breach impact. */
@ObjectType({ description: 'One insurer’s share of a breach impact, counted on its loaded portfolio (see `coverage`).' })
export class InsurerImpact {
  @Field(() => Int, { nullable: true, description: 'Distinct people on its affected contracts; null when suppressed, or unknown when it has no portfolio loaded (`coverage.status` NO_PORTFOLIO_LOADED): never a 0 that means "not known".' })
  people!: number | null;

  @Field(() => Int, { nullable: true, description: 'Its affected contracts; null when suppressed or unknown (as `people`).' })
  contracts!: number | null;

  @Field(() => PortfolioCoverage, { description: 'The portfolio its counts come from: loaded or not, its origins (synthetic, seeded, imported) and when it was imported.' })
  coverage!: PortfolioCoverage;

  @Field(() => Boolean, { description: 'True when disclosure control withholds `people` and `contracts` here (both null then, never a silent 0): a count of 1 to DISCLOSURE_MIN_CELL-1, or a cell withheld so that the others cannot give it back. Always false for an insurer (its own figures).' })
  suppressed!: boolean;

  @Field(() => [PathBasis], { description: 'Why its data was there: ACTIVE flow, RETAINED after the flow ended, or both.' })
  bases!: PathBasis[];
}

/** One partner's share of a breach impact. */
@ObjectType({ description: 'Impact through one partner: the operator whose system was hit, a care network the affected contracts go through, or another intermediary (a broker) the data flow goes via.' })
export class PartnerImpact {
  @Field(() => PartnerRole, { description: 'Operator, care network, or another intermediary (a broker).' })
  role!: PartnerRole;

  @Field(() => Int, { nullable: true, description: 'Distinct people on affected contracts through this partner; null when suppressed, or unknown: none of the insurers behind its paths has a portfolio loaded, or its paths name no insurer (never a 0 that means "not known").' })
  people!: number | null;

  @Field(() => Int, { nullable: true, description: 'Affected contracts through this partner; null as `people`.' })
  contracts!: number | null;

  @Field(() => Boolean, { description: 'True when disclosure control withholds `people` and `contracts` here (both null then, never a silent 0): a count of 1 to DISCLOSURE_MIN_CELL-1, or a cell withheld so that the others cannot give it back. Always false for an insurer (its own figures).' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: 'Distinct insurers reached through this partner (from the paths, including insurers with no contract in the graph); null when its insured paths name no insurer at all (a broker whose clients’ insurers the record does not name): unknown, not 0.' })
  insurers!: number | null;
}

/** One data category's share of a breach impact. */
@ObjectType({ description: 'Impact per data category the breach exposed or is claimed to have exposed (read `exposures` for the status, scope and confidence per kind of subject). Insured people are counted on the loaded portfolios (sources as in the totals); professionals from their populations’ reported figures (`professionals`); the two are never added.' })
export class CategoryImpact {
  @Field(() => [PopulationKind], { description: 'Kinds of data subjects whose data of this category is on a path of the breach.' })
  subjects!: PopulationKind[];

  @Field(() => Int, { nullable: true, description: 'Distinct insured people on affected contracts whose data include this category; null when suppressed, when the category was not exposed for insured people (`subjects` lacks INSURED), or when no portfolio is loaded.' })
  people!: number | null;

  @Field(() => Int, { nullable: true, description: 'Affected contracts whose data include this category; null as `people`.' })
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
