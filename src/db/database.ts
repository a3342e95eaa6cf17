import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { resolveSecrets } from '../config/secrets';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from './embedded';
import { Executor } from './executor';

/** A connected database: the executor, and the embedded server when this process started one. */
export interface Database {
  executor: Executor;
  embedded?: EmbeddedNeo4j;
  /** Closes the driver, then stops the embedded server if there is one. */
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or starts the embedded Neo4j when it is unset, and waits until the
 * server answers. The embedded server's password comes from NEO4J_PASSWORD or the local secrets
 * file (generated there on first use), so every entry point finds it the same way.
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
      password: resolveSecrets(config).neo4jPassword!,
      onLine: (line) => logger.debug({ neo4j: line }),
    });
    uri = embedded.uri;
    logger.info({ uri }, 'embedded Neo4j ready');
  }
  const executor = Executor.create({
    uri,
    auth: embedded ? embedded.auth : { user: config.neo4j.user, password: config.neo4j.password },
    database: config.neo4j.database,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    adminTimeoutMs: config.neo4j.adminTimeoutMs,
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
