import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { currentSdl, SDL_FILE } from '../api/sdl';

/** `npm run schema`: rewrites schema/schema.graphql from the resolvers. */
void currentSdl().then((sdl) => {
  fs.writeFileSync(SDL_FILE, sdl);
  console.log(`wrote ${path.relative(process.cwd(), SDL_FILE)}`);
});
