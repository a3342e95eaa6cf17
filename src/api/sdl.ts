import { lexicographicSortSchema, printSchema } from 'graphql';
import { fromRoot } from '../config/paths';
import { createSchema } from './build-schema';

/** Where the committed SDL lives. */
export const SDL_FILE = fromRoot('schema', 'schema.graphql');

/** The SDL of the current schema, sorted so that its diff only shows real changes. */
export async function currentSdl(): Promise<string> {
  const header = '# Generated from the type-graphql resolvers by `npm run schema`; do not edit by hand.\n\n';
  return header + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
