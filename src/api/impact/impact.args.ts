import { ArgsType, Field, ID } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';
import { PopulationKind } from '../../domain/common/enums';

/** Arguments of `breachImpact`. */
@ArgsType()
export class BreachImpactArgs {
  @Field(() => ID, { description: 'Breach id, e.g. `breach-viamedis-2024`.' })
  breachId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Reference date (YYYY-MM-DD): which flows and contracts count. Default: the breach’s first intrusion or data-collection date, else detection, else the day its clients were informed, else its public disclosure (see `referenceDateBasis`). Every role but INSURER may pass only a date of one of the breach’s events (FORBIDDEN otherwise, listing them). Answers on the reference date and on those dates are kept current on every write and read, not counted; any other date (an insurer’s) is counted live.' })
  asOf?: string | null;
}

/** Arguments of `Breach.impact`. */
@ArgsType()
export class ImpactOfBreachArgs {
  @Field(() => LocalDate, { nullable: true, description: 'Reference date; default as in `breachImpact`.' })
  asOf?: string | null;
}

/** Arguments of `affectedInsurers`. */
@ArgsType()
export class AffectedInsurersArgs {
  @Field(() => [ID], { description: 'Breach ids (1 to 20).' })
  breachIds!: string[];

  @Field(() => LocalDate, { nullable: true, description: 'Reference date for every breach; default: each breach’s own.' })
  asOf?: string | null;
}

/** Arguments of `BreachImpact.paths`. */
@ArgsType()
export class ImpactPathsArgs {
  @Field(() => PopulationKind, { nullable: true, description: 'Only paths to populations of this kind.' })
  populationKind?: PopulationKind | null;

  @Field(() => ID, { nullable: true, description: 'Only paths whose controller is this organisation.' })
  controllerId?: string | null;
}
