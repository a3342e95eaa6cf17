import { ArgsType, Field, ID } from 'type-graphql';
import { ExposureStatus, PopulationKind } from '../../domain/common/enums';

/** Arguments of `breach`. */
@ArgsType()
export class BreachArgs {
  @Field(() => ID, { description: 'Breach id, e.g. `breach-viamedis-2024`.' })
  id!: string;
}

/** Arguments of `Breach.exposures`. */
@ArgsType()
export class ExposuresArgs {
  @Field(() => PopulationKind, { nullable: true, description: 'Only for this kind of data subject.' })
  subjects?: PopulationKind | null;

  @Field(() => ExposureStatus, { nullable: true, description: 'Only with this status (e.g. NOT_EXPOSED).' })
  status?: ExposureStatus | null;
}
