import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { loadSeeds } from '../seed/load-seeds';
import { cypher } from './cypher-files';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from './embedded';
import { Executor } from './executor';
import { applySchema } from './schema';

/** A connected database: the executor, and the embedded server when this process started one. */
export interface Database {
  executor: Executor;
  embedded?: EmbeddedNeo4j;
  /** Closes the driver, then stops the embedded server if there is one. */
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or starts the embedded Neo4j when it is unset, and waits until the
 * server answers.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    const e = config.neo4j.embedded;
    logger.info({ dataDir: e.dataDir, port: e.boltPort }, 'NEO4J_URI unset: starting the embedded Neo4j');
    embedded = await startEmbeddedNeo4j({
      boltPort: e.boltPort,
      dataDir: e.dataDir,
      heap: e.heap,
      pageCache: e.pageCache,
      onLine: (line) => logger.debug({ neo4j: line }),
    });
    uri = embedded.uri;
    logger.info({ uri }, 'embedded Neo4j ready');
  }
  const executor = Executor.create({
    uri,
    auth: embedded ? undefined : { user: config.neo4j.user, password: config.neo4j.password },
    database: config.neo4j.database,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    logger,
  });
  try {
    await executor.waitUntilReachable();
  } catch (e) {
    await executor.close();
    await embedded?.stop();
    throw e;
  }
  return {
    executor,
    embedded,
    async close() {
      await executor.close();
      await embedded?.stop();
    },
  };
}

/**
 * Applies constraints and indexes, then loads the seeds when the database holds no breach yet
 * (and `seed` is true). Returns whether seeds were loaded.
 */
export async function prepareDatabase(executor: Executor, logger: Logger, seed: boolean): Promise<boolean> {
  await applySchema(executor);
  const [{ breaches }] = await executor.read<{ breaches: number }>(cypher('admin/count-breaches'));
  if (!seed || breaches > 0) return false;
  const loaded = await loadSeeds(executor);
  logger.info({ datasets: loaded.map((l) => l.dataset) }, 'empty database: seeds loaded');
  return true;
}
