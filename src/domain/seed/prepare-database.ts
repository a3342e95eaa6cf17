import type { Logger } from 'pino';
import { cypher } from '../../db/cypher-files';
import type { Executor } from '../../db/executor';
import { applySchema } from '../../db/schema';
import { loadSeeds, SEED_FILES } from './load-seeds';
import { seedProgressLines } from './seed-progress-lines';

/**
 * Applies constraints and indexes, then loads the seeds when the database holds no breach yet
 * (and `seed` is true), logging its progress ("loading the seeds: N steps…", then a line per
 * commit and at most every 10 s). Returns whether seeds were loaded.
 */
export async function prepareDatabase(executor: Executor, logger: Logger, seed: boolean, pseudonymKey: Buffer): Promise<boolean> {
  await applySchema(executor.admin());
  // A database seeded before catalogue versions existed gets one, so API processes may cache it.
  await executor.write(cypher('admin/ensure-catalogue-version'));
  const [{ breaches }] = await executor.read<{ breaches: number }>(cypher('admin/count-breaches'));
  if (!seed || breaches > 0) return false;
  const onProgress = seedProgressLines((line, p) => logger.info({ seedSteps: p.done, of: p.total }, line));
  const loaded = await loadSeeds(executor, pseudonymKey, SEED_FILES, onProgress);
  logger.info({ datasets: loaded.map((l) => l.dataset) }, 'empty database: seeds loaded');
  return true;
}
