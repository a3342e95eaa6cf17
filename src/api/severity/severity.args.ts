import { ArgsType, Field, ID } from 'type-graphql';

/** Arguments of `breachSeverity`. */
@ArgsType()
export class BreachSeverityArgs {
  @Field(() => ID, { description: 'Breach id, e.g. `breach-viamedis-2024`.' })
  breachId!: string;
}

/** Arguments of `controllerSeverity`. */
@ArgsType()
export class ControllerSeverityArgs {
  @Field(() => ID, { description: 'Breach id, e.g. `breach-almerys-2024`.' })
  breachId!: string;

  @Field(() => ID, { description: 'The controller, e.g. `org-alan` (an insurer) or `org-viamedis` (controller of its professionals’ accounts). An INSURER token may name only its own organisation (FORBIDDEN otherwise).' })
  controllerId!: string;
}
