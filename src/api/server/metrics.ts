import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Executor, PoolUse } from '../../db/executor';
import { auditAppenderOf } from '../../domain/audit/audit-appender';
import { OpsGauges, readOpsGauges } from '../../domain/health/ops-gauges';
import { importFinished, summariesWritten } from '../../domain/ops-events';

/** One finished GraphQL request, as the metrics count it (labels already sanitised). */
export interface GraphqlObservation {
  operation: string;
  role: string;
  /** `ok`, or the answer's error code. */
  outcome: string;
  durationSeconds: number;
  /** Cypher statements the request ran (0 when it failed before its context existed). */
  statements: number;
}

/** The API's Prometheus metrics: a registry of its own, and how to record a request in it. */
export interface ApiMetrics {
  registry: Registry;
  observeGraphql(o: GraphqlObservation): void;
  /** Stops listening to the write side's events (the API instance closes). */
  close(): void;
}

/**
 * Distinct operation names kept as label values; later new names count as `(other)`. Names are
 * the client's choice, and an unbounded label would grow the registry (and every scrape) forever.
 */
const MAX_OPERATIONS = 200;

/**
 * Creates the metrics of one API instance (a registry per instance, so tests may run several):
 * - `breach_impact_graphql_requests_total{operation,role,outcome}`;
 * - `breach_impact_graphql_request_duration_seconds{operation}` (histogram);
 * - `breach_impact_graphql_cypher_statements{operation}` (histogram of statements per request);
 * - `breach_impact_neo4j_up` (1 when Neo4j answers at scrape time, else 0);
 * - `breach_impact_import_rows_total{outcome}` (loaded, rejected: imports finished in this process);
 * - `breach_impact_summary_write_duration_seconds{mode,outcome}` (histogram: full refreshes and
 *   deltas, committed or failed, in this process);
 * - `breach_impact_audit_chain_length`, `breach_impact_audit_events` and
 *   `breach_impact_summaries_stale` (read from the database at scrape time, one statement; absent
 *   from a scrape while Neo4j does not answer);
 * - `breach_impact_neo4j_sessions_open`, `breach_impact_neo4j_sessions_peak`,
 *   `breach_impact_neo4j_pool_max_connections` and
 *   `breach_impact_neo4j_connection_acquisition_timeouts_total`: the driver's pool as the executor
 *   sees it (Executor.poolUse; neo4j-driver 6 publishes no pool figures of its own);
 * - `breach_impact_audit_commits_total` and `breach_impact_audit_records_appended_total`: the
 *   audit trail's group commits in this process and the records they appended (their ratio is how
 *   many requests share a commit);
 * - Node's default process metrics (`breach_impact_process_*`, `breach_impact_nodejs_*`).
 */
export function createMetrics(executor: Executor): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'breach_impact_' });
  const requests = new Counter({
    name: 'breach_impact_graphql_requests_total',
    help: 'GraphQL requests by operation name, role and outcome (ok, or the error code of the answer).',
    labelNames: ['operation', 'role', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'breach_impact_graphql_request_duration_seconds',
    help: 'GraphQL request latency, from the request received to the answer sent.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'breach_impact_graphql_cypher_statements',
    help: 'Cypher statements run per GraphQL request (an N+1 shows as a growing count).',
    labelNames: ['operation'] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100],
    registers: [registry],
  });
  new Gauge({
    name: 'breach_impact_neo4j_up',
    help: 'Whether Neo4j answered when metrics were scraped (1) or not (0).',
    registers: [registry],
    async collect() {
      this.set((await executor.isReachable()) ? 1 : 0);
    },
  });
  const pool = (name: string, help: string, value: (p: PoolUse) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value(executor.poolUse()));
      },
    });
  pool('breach_impact_neo4j_sessions_open', 'Driver sessions open now; each holds at most one pooled connection, so connections in use are at most this many.', (p) => p.sessionsOpen);
  pool('breach_impact_neo4j_sessions_peak', 'The most driver sessions open at once since the process started.', (p) => p.sessionsPeak);
  pool('breach_impact_neo4j_pool_max_connections', 'Connections the driver’s pool may hold; past it, a statement waits for one to free up.', (p) => p.maxConnections);
  // Counters read from a running total at scrape time: each scrape adds what it grew by since the last.
  const countedFrom = (name: string, help: string, value: () => number) => {
    let seen = 0;
    return new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        const now = value();
        if (now > seen) this.inc(now - seen);
        seen = now;
      },
    });
  };
  countedFrom('breach_impact_neo4j_connection_acquisition_timeouts_total', 'Statements refused because no pooled connection freed up within the acquisition timeout.', () => executor.poolUse().acquisitionTimeouts);
  const audit = auditAppenderOf(executor);
  countedFrom('breach_impact_audit_commits_total', 'Audit trail transactions (group commits) made by this process.', () => audit.commits);
  countedFrom('breach_impact_audit_records_appended_total', 'Audit records appended by this process’s group commits.', () => audit.records);
  const importRows = new Counter({
    name: 'breach_impact_import_rows_total',
    help: 'Portfolio rows of the imports finished in this process: loaded (committed) or rejected (refused with a reason).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const summaryWrites = new Histogram({
    name: 'breach_impact_summary_write_duration_seconds',
    help: 'Summary transactions in this process: full refreshes and deltas (patched with a portfolio write), committed or failed.',
    labelNames: ['mode', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    registers: [registry],
  });
  // The data's own gauges come from one statement per scrape: the three share a read for 1 s.
  let scrape: { at: number; gauges: Promise<OpsGauges | null> } | null = null;
  const gauges = () => {
    if (!scrape || performance.now() - scrape.at > 1_000) scrape = { at: performance.now(), gauges: readOpsGauges(executor).catch(() => null) };
    return scrape.gauges;
  };
  const dataGauge = (name: string, help: string, value: (g: OpsGauges) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const g = await gauges();
        // Unknown while Neo4j does not answer: no sample rather than a 0 that would read as a fact.
        if (g) this.set(value(g));
        else this.reset();
      },
    });
  dataGauge('breach_impact_audit_chain_length', 'Audit records chained since the trail began (the chain head’s sequence).', (g) => g.auditChainLength);
  dataGauge('breach_impact_audit_events', 'Audit records stored now (fewer than the chain length once old records are pruned).', (g) => g.auditEvents);
  dataGauge('breach_impact_summaries_stale', 'Whether the maintained summaries lag behind the graph (1) or are current (0): answers read from them say so meanwhile.', (g) => (g.summariesStale ? 1 : 0));
  const unsubscribe = [
    importFinished.on((e) => {
      importRows.inc({ outcome: 'loaded' }, e.rowsLoaded);
      importRows.inc({ outcome: 'rejected' }, e.rowsRejected);
    }),
    summariesWritten.on((e) => summaryWrites.observe({ mode: e.mode, outcome: e.outcome }, e.seconds)),
  ];
  const operations = new Set<string>();
  return {
    registry,
    close() {
      for (const off of unsubscribe) off();
    },
    observeGraphql(o) {
      let operation = o.operation;
      if (!operations.has(operation)) {
        if (operations.size >= MAX_OPERATIONS) operation = '(other)';
        else operations.add(operation);
      }
      requests.inc({ operation, role: o.role, outcome: o.outcome });
      duration.observe({ operation }, o.durationSeconds);
      statements.observe({ operation }, o.statements);
    },
  };
}
