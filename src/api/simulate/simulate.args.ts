import { ArgsType, Field, ID } from 'type-graphql';
import { LocalDate } from '../../domain/common/date';

/** Most systems, access channels or categories one what-if may name (each list). */
export const MAX_SIMULATED = 50;

/** Arguments of `simulateBreach`. */
@ArgsType()
export class SimulateBreachArgs {
  @Field(() => [ID], { defaultValue: [], description: `Systems taken, e.g. \`sys-almerys-pro-portal\` (0 to ${MAX_SIMULATED}; with accessChannels, at least one in all). NOT_FOUND names an unknown id.` })
  systems!: string[];

  @Field(() => [ID], { defaultValue: [], description: `Access channels used, e.g. \`chan-almerys-pro-login\`: each counts as taking the system it gives access to (0 to ${MAX_SIMULATED}). NOT_FOUND names an unknown id.` })
  accessChannels!: string[];

  @Field(() => Boolean, { defaultValue: false, description: 'Also take every system a taken system’s data flows into (one hop): a portal’s sessions reach the platform behind it, as the 2024 attackers’ phished professional logins did. False: only what the taken systems themselves hold.' })
  followFlows!: boolean;

  @Field(() => [ID], { nullable: true, description: `Data categories taken (1 to ${MAX_SIMULATED}), for every kind of data subject; a category also covers its sub-categories. Omitted: every category the flows into those systems carry (the worst case). NOT_FOUND names an unknown id.` })
  categories?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'Reference date (YYYY-MM-DD): which flows and contracts count, as in `breachImpact`. Default: today (the server’s UTC date). Every role but INSURER may pass only today’s date (FORBIDDEN otherwise), so that counts on nearby days cannot be differenced.' })
  asOf?: string | null;
}
