import 'reflect-metadata';
// First, before anything loads http, Fastify or graphql: the trace instrumentations patch them as
// they are required (a no-op unless an OTLP endpoint is configured).
import { earlyTracing } from './telemetry/early-tracing';
import { createTokenVerifier } from './auth/verify-token';
import { loadConfig } from './config/config';
import { applyHeapGrowth } from './config/heap-growth';
import { resolveSecrets } from './config/secrets';
import { openDatabase } from './db/database';
import { warmUpPlanner } from './db/plan-warm-up';
import { prepareDatabase } from './domain/seed/prepare-database';
import { recoverSummaries } from './domain/summary-recovery';
import { isAppError } from './errors/app-error';
import { startApp } from './api/server/app';
import { assertPortFree } from './config/port-check';
import { createLogger } from './config/logger';
import { LiveCountBudget } from './api/live-count-budget';
import { mintToken } from './auth/mint-token';

/**
 * `npm start`: reads the configuration, starts (or connects to) Neo4j, applies constraints and
 * indexes, seeds an empty database, and serves the API until SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Before the heap fills: the limit V8 sets after each full collection follows this factor.
  applyHeapGrowth(config.heapGrowthPercent);
  const logger = createLogger(config);
  const secrets = resolveSecrets(config);
  if (earlyTracing) logger.info({ traces: earlyTracing.url, service: config.tracing.serviceName }, 'OpenTelemetry traces on, sent over OTLP/HTTP');
  if (secrets.generatedFile) logger.warn({ file: secrets.generatedFile }, 'development secrets (token key, pseudonym key, embedded database password) kept in this file (mode 600); set AUTH_JWT_SECRET and PSEUDONYM_KEY (or PSEUDONYM_KEY_FILE) in production');
  // Before Neo4j: a taken port or a HOST that does not resolve must fail in a second, not after a
  // minute of database start-up (the embedded Neo4j's Bolt port is checked as it starts).
  await assertPortFree(config.host, config.port);
  // Advertised in the store's run file: CLIs run meanwhile use this server's Neo4j (src/db/run-file.ts).
  const db = await openDatabase(config, logger, { advertise: true });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app?.close().catch((err) => logger.warn({ err }, 'closing the HTTP server failed'));
    logger.info('HTTP server closed');
    await db.close();
    // Last: the spans of the requests just finished are sent before the process ends.
    await earlyTracing?.shutdown();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    await prepareDatabase(db.executor, logger, config.seedOnStart, secrets.pseudonymKey);
    const liveCounts = new LiveCountBudget({ limit: config.liveCountsPerMinute, windowMs: 60_000, timeoutMs: config.liveCountTimeoutMs });
    app = await startApp(config, { executor: db.executor, logger, pseudonymKey: secrets.pseudonymKey, liveCounts, disclosure: { minCell: config.disclosureMinCell }, exportBatchSize: config.exportBatchSize }, createTokenVerifier(config, secrets), {
      // The dashboard's development role picker; config validation refuses DEV_TOKENS in production.
      mintDevToken: config.web.devTokens && secrets.jwtSecret ? (claims) => mintToken(config, secrets.jwtSecret!, claims) : undefined,
    });
  } catch (e) {
    await db.close();
    throw e;
  }
  logger.info({ url: `${app.url}/graphql`, health: `${app.url}/health`, ready: `${app.url}/health/ready`, metrics: config.metrics.mode === 'off' ? null : `${app.url}/metrics`, neo4j: db.embedded ? `embedded ${db.embedded.uri}` : config.neo4j.uri }, 'breach-impact ready');
  console.log(`breach-impact ready: ${app.url}/graphql (Apollo Sandbox in a browser), health at ${app.url}/health`);
  console.log(`dashboard at ${app.url}/dashboard${config.web.graphiql ? `, offline explorer at ${app.url}/graphiql` : ''}${config.web.devTokens ? ' (development role picker on)' : ''}`);
  // After the server listens, so /health/ready can say the summaries are stale while they are recomputed.
  recoverSummaries(db.executor, logger)
    .catch((err: unknown) => {
      if (!stopping) logger.error({ err }, 'recomputing the impact summaries at start failed; readiness stays failed until a refresh succeeds');
    })
    // Then, in the background, the cold Neo4j JVM's planner is warmed (src/db/plan-warm-up.ts).
    .then(async () => {
      if (!config.warmUpPlanner || stopping) return;
      const done = await warmUpPlanner(db.executor, logger, () => stopping);
      if (!stopping) logger.info(done, 'Cypher planner warmed up');
    })
    .catch((err: unknown) => {
      if (!stopping) logger.warn({ err }, 'planner warm-up stopped');
    });
}

main().catch((e: unknown) => {
  // Start-up failures are for a person at a terminal: one clear line, with its code.
  if (isAppError(e)) console.error(`breach-impact could not start [${e.code}]: ${e.message}`);
  else console.error('breach-impact could not start [INTERNAL]:', e);
  process.exit(1);
});
