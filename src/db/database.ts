import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { AppError } from '../errors/app-error';
import { resolveSecrets } from '../config/secrets';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from './embedded';
import { Executor } from './executor';
import { findRunningServer, removeRunFile, RunFile, writeRunFile } from './run-file';

/** A connected database: the executor, and the embedded server when this process started one. */
export interface Database {
  executor: Executor;
  embedded?: EmbeddedNeo4j;
  /** Set when the store was in use by a running server, whose embedded Neo4j this process reached over Bolt. */
  joined?: RunFile;
  /** Closes the driver, then stops the embedded server if there is one. */
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /**
   * Advertise a started embedded Neo4j in the store's run file (src/db/run-file.ts), so that CLIs
   * run meanwhile reach it instead of failing on the store lock. For the long-running API server
   * (main.ts) only: a CLI's own Neo4j stops when the CLI ends, under anyone who joined it. A
   * server never joins another: with this option, a store already in use by a running server is
   * NEO4J_LAUNCHER_UNAVAILABLE naming that server, in a second rather than after a store-lock error.
   */
  advertise?: boolean;
}

/**
 * Connects to NEO4J_URI; when it is unset, to the embedded Neo4j that a running server already
 * started on NEO4J_DATA_DIR (found through the store's run file, so `npm run seed` and
 * `npm run import` work while `npm start` runs); else starts the embedded Neo4j. Then waits until
 * the server answers. The embedded server's password comes from NEO4J_PASSWORD or the local
 * secrets file (generated there on first use), so every entry point finds it the same way.
 */
export async function openDatabase(config: Config, logger: Logger, options: OpenOptions = {}): Promise<Database> {
  let embedded: EmbeddedNeo4j | undefined;
  let joined: RunFile | undefined;
  let uri = config.neo4j.uri;
  const e = config.neo4j.embedded;
  if (uri === undefined) joined = await findRunningServer(e.dataDir);
  if (joined && options.advertise) {
    // A second server would live off the first one's Neo4j and lose it when that one stops.
    throw new AppError(
      'NEO4J_LAUNCHER_UNAVAILABLE',
      `The store in ${e.dataDir} is in use by a running server (pid ${joined.serverPid}, Neo4j at ${joined.uri}). Stop it first, or set another NEO4J_DATA_DIR (or NEO4J_URI).`,
    );
  }
  if (joined) {
    uri = joined.uri;
    // At warn: the import CLI raises its level to warn, and a person running it should still
    // learn that its work goes through the running server's Neo4j.
    logger.warn({ uri, dataDir: e.dataDir, serverPid: joined.serverPid }, 'NEO4J_URI unset and the store is in use by a running server: using its embedded Neo4j');
  } else if (uri === undefined) {
    logger.info({ dataDir: e.dataDir, port: e.boltPort }, 'NEO4J_URI unset: starting the embedded Neo4j');
    embedded = await startEmbeddedNeo4j({
      boltPort: e.boltPort,
      dataDir: e.dataDir,
      heap: e.heap,
      pageCache: e.pageCache,
      password: resolveSecrets(config).neo4jPassword!,
      onLine: (line) => logger.debug({ neo4j: line }),
      onProgress: (message) => logger.info(message),
      // The server's Neo4j only: a CLI's own short-lived one would read the store beside its work.
      warmPageCache: e.warmPageCache && options.advertise === true,
    });
    uri = embedded.uri;
    logger.info({ uri }, 'embedded Neo4j ready');
    void embedded.warmUp.then((outcome) => {
      if (outcome && 'failed' in outcome) logger.warn({ reason: outcome.failed }, 'Neo4j page cache warm-up stopped');
      else if (outcome) logger.info({ ...outcome, megabytes: Math.round(outcome.bytes / 1e6) }, outcome.full ? 'Neo4j page cache warmed up (filled to 90 %: the store is larger than the page cache)' : 'Neo4j page cache warmed up (the whole store)');
    });
    if (options.advertise) writeRunFile(e.dataDir, { uri, neo4jPid: embedded.process.pid!, serverPid: process.pid });
  }
  const executor = Executor.create({
    uri,
    // A joined server's password is the one this process would have given it: same secrets file.
    auth: embedded ? embedded.auth : joined ? { user: 'neo4j', password: resolveSecrets(config).neo4jPassword! } : { user: config.neo4j.user, password: config.neo4j.password },
    database: config.neo4j.database,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    adminTimeoutMs: config.neo4j.adminTimeoutMs,
    logger,
  });
  try {
    await executor.waitUntilReachable();
  } catch (err) {
    await executor.close();
    if (embedded && options.advertise) removeRunFile(e.dataDir, process.pid);
    await embedded?.stop();
    throw err;
  }
  return {
    executor,
    embedded,
    joined,
    async close() {
      await executor.close();
      // Before the stop: a CLI starting now must not join a server on its way down.
      if (embedded && options.advertise) removeRunFile(e.dataDir, process.pid);
      await embedded?.stop();
    },
  };
}
