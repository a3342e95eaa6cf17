import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { resolveSecrets } from '../config/secrets';
import { openDatabase } from '../db/database';
import { applySchema } from '../db/schema';
import { isAppError } from '../errors/app-error';
import { createLogger } from '../config/logger';
import { loadSeeds } from './load-seeds';

/**
 * `npm run seed`: applies the schema and (re)loads every seed file. Safe to run again: loading
 * twice gives the same graph.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const db = await openDatabase(config, logger);
  try {
    await applySchema(db.executor);
    const loaded = await loadSeeds(db.executor, resolveSecrets(config).pseudonymKey);
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
