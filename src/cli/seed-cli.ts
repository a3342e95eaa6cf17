import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { resolveSecrets } from '../config/secrets';
import { openDatabase } from '../db/database';
import { applySchema } from '../db/schema';
import { isAppError } from '../errors/app-error';
import { createLogger } from '../config/logger';
import { loadSeeds, SEED_FILES } from '../domain/seed/load-seeds';
import { seedProgressLines } from '../domain/seed/seed-progress-lines';

/**
 * `npm run seed [-- extra.json …]`: applies the schema and (re)loads every seed file, then any
 * extra dataset given (such as a generated synthetic France). Safe to run again: loading twice
 * gives the same graph. Says how far it got as it goes (the lines the server logs when it seeds
 * at start-up), then one line per dataset loaded.
 */
async function main(): Promise<void> {
  const extra = process.argv.slice(2).map((f) => path.resolve(f));
  const config = loadConfig();
  const logger = createLogger(config);
  const db = await openDatabase(config, logger);
  try {
    await applySchema(db.executor);
    const loaded = await loadSeeds(db.executor, resolveSecrets(config).pseudonymKey, [...SEED_FILES, ...extra], seedProgressLines((line) => console.log(line)));
    for (const l of loaded) console.log(`loaded ${l.dataset} from ${l.file}`);
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  if (isAppError(e)) console.error(`seeding failed [${e.code}]: ${e.message}`);
  else console.error('seeding failed [INTERNAL]:', e);
  process.exit(1);
});
