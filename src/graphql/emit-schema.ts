import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from './build-schema';
import { fromRoot } from '../config/paths';

/** Where the committed SDL lives. */
export const SDL_FILE = fromRoot('schema', 'schema.graphql');

/** The SDL of the current schema, sorted so that its diff only shows real changes. */
export async function currentSdl(): Promise<string> {
  const header = '# Generated from the type-graphql resolvers by `npm run schema`; do not edit by hand.\n\n';
  return header + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}

if (require.main === module) {
  void currentSdl().then((sdl) => {
    fs.writeFileSync(SDL_FILE, sdl);
    console.log(`wrote ${path.relative(process.cwd(), SDL_FILE)}`);
  });
}
