import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';

/** People and contracts of one cross-breach figure. */
@ObjectType({ description: 'People and contracts of one cross-breach figure, each person and contract counted once. Under disclosure control (every role but INSURER) both may be withheld: see `suppressed`.' })
export class CrossBreachCount {
  @Field(() => Int, { nullable: true, description: 'Distinct people (pseudonymous keys); null when suppressed.' })
  people!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct contracts; null when suppressed.' })
  contracts!: number | null;

  @Field(() => Boolean, { description: 'True when disclosure control withholds `people` and `contracts` (both null, never a silent 0): the figure adds up a small cell (1 to DISCLOSURE_MIN_CELL-1) or one another figure would give back. Always false for an insurer (its own figures).' })
  suppressed!: boolean;
}

/** One breach's own figure within a cross-breach answer. */
@ObjectType({ description: 'The people and contracts one breach of the set reaches (its own `breachImpact` totals on its reference date), suppressed cells last.' })
export class CrossBreachByBreach extends CrossBreachCount {}

/** People reached by exactly one combination of the breaches. */
@ObjectType({ description: 'People and contracts reached by exactly this combination of the breaches asked about, and by no other of them (one cell of the Venn diagram), suppressed cells last.' })
export class CrossBreachCombination extends CrossBreachCount {}

/** People whose exposed categories, across the breaches, make exactly this set. */
@ObjectType({ description: 'People and contracts whose data categories exposed by any of the breaches make exactly this set (the union across breaches), largest first, suppressed cells last.' })
export class CrossBreachCategoryCombination extends CrossBreachCount {}

/** People of whom at least one of the breaches exposed one category. */
@ObjectType({ description: 'People and contracts of which at least one of the breaches exposed this data category, largest first, suppressed cells last.' })
export class CrossBreachCategory extends CrossBreachCount {}

/** The date one breach of the set was counted on. */
@ObjectType({ description: 'The reference date one breach of the set was counted on.' })
export class CrossBreachReferenceDate {
  @Field(() => LocalDate, { nullable: true, description: 'Its default reference date (as `breachImpact` without `asOf`); null when the breach has no dated event, and then it reaches nobody here.' })
  referenceDate!: string | null;
}

/** The answer of `crossBreachImpact`. */
@ObjectType({ description: 'People and contracts across a set of breaches, each counted once: how many the breaches reach together, how many several of them reach, and which data categories they expose of each person taken together (the combination risk: NIR and guarantees from one breach, contract number from another). Counted on the contract portfolio in the graph (synthetic or imported), each breach on its own reference date, from totals maintained after every write. An insurer sees only its own contracts reached through its own paths.' })
export class CrossBreachImpact {
  // Every field is resolved from the disclosed answer (api/crossbreach/crossbreach.resolver).
}

/** How the breaches' categories combine for one member. */
@ObjectType({ description: 'What the breaches together expose of one member, across your contracts: the union of the categories each breach exposed, and whether it is more than any single breach exposed (the combination risk).' })
export class MemberCombinedExposure {
  // Every field is resolved from the member's breach-set signature (api/crossbreach/crossbreach.resolver).
}
