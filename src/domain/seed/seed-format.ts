import type { SeedFile } from '../common/seed-records';
import { AppError } from '../../errors/app-error';
import { compareProblems, formatProblem } from './seed-problem';
import { seedSchemaProblems } from './seed-schema';
import { dateOrderProblems, duplicateIdProblems, emptyKnownIds, KnownIds, referenceProblems, seedKnownIds } from './seed-references';

// The seed vocabulary lives in the domain (src/domain/common); re-exported here for the callers
// that know the seed format by this module's name.
export { SEED_ENUMS } from '../common/vocabulary';
export type { SeedConfidence as Confidence, SeedSourced as Sourced } from '../common/seed-records';
export type {
  SeedAccessChannel,
  SeedBreach,
  SeedBreachEvent,
  SeedContract,
  SeedDataCategory,
  SeedDataFlow,
  SeedExposure,
  SeedFile,
  SeedOrganization,
  SeedOwnership,
  SeedPartnership,
  SeedPopulation,
  SeedReportedFigure,
} from '../common/seed-records';
export { emptyKnownIds };
export type { KnownIds };

/** At most this many problems are listed in the message; the count says how many there were. */
const MAX_LISTED = 50;

/**
 * Checks a seed file against the format: first `schema/seed.schema.json` (types, required
 * fields, ids, enumerations, calendar dates), then what a schema cannot say (every reference
 * names something defined in this file or in `known`, ids are unique, no end before its start).
 * Throws SEED_INVALID listing every problem with file, record and field; returns `known` plus
 * the ids this file defines, for the next file of the load.
 */
export function validateSeed(file: string, seed: SeedFile, known: KnownIds = emptyKnownIds()): KnownIds {
  const next = seedKnownIds(seed, known);
  const problems = [...seedSchemaProblems(seed), ...duplicateIdProblems(seed), ...referenceProblems(seed, next), ...dateOrderProblems(seed)].sort(compareProblems);
  if (problems.length > 0) {
    // One value can break two rules that say the same (a record that is not an object): say it once.
    const lines = [...new Set(problems.map((p) => formatProblem(file, seed, p)))];
    throw new AppError('SEED_INVALID', `Seed file ${file} is invalid (${lines.length} problem(s)):\n- ${lines.slice(0, MAX_LISTED).join('\n- ')}`);
  }
  return next;
}
