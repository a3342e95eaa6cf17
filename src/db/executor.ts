import neo4j, { Driver, ManagedTransaction, Neo4jError, Session } from 'neo4j-driver';
import type { Logger } from 'pino';
import { Attributes, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AppError, isAppError } from '../errors/app-error';
import { NamedQuery, cypher } from './cypher-files';
import { classifyConnectFailure } from './connect-failure';
import { fromNeo4j, toNeo4jParams } from './values';
import { LATE, settleWithin } from './settle-within';

/** One statement's name and duration in ms (never a parameter value). */
export interface StatementTiming {
  query: string;
  ms: number;
}

/** Counts the Cypher round trips one GraphQL operation makes; one instance per request. */
export interface RoundTripCounter {
  roundTrips: number;
  /** Names of the statements run, in order: what a failing round-trip test prints. */
  queries: string[];
  /**
   * When present, each statement's name and duration in ms (send to last record; a failed one
   * too), in the order they ended: where an answer's time went, for the `Server-Timing` header
   * and the benchmark's breakdowns. Never a parameter value.
   */
  timings?: StatementTiming[];
  /**
   * When present, how long each write transaction's commit took (from the end of its last
   * statement's answer to the commit's: the transaction log written and forced, the changes
   * applied to the store and its indexes), named after the transaction. Kept apart from `timings`,
   * which are statements (one per round trip, span and Server-Timing metric); the benchmark's
   * breakdowns of writes add them.
   */
  commits?: StatementTiming[];
}

/** Creates a zeroed {@link RoundTripCounter}, timing its statements and commits. */
export function newRoundTripCounter(): RoundTripCounter {
  return { roundTrips: 0, queries: [], timings: [], commits: [] };
}

/** One statement of a multi-statement write transaction. */
export interface Step {
  query: NamedQuery;
  params: Record<string, unknown>;
}

/** How to reach the database. */
export interface ExecutorOptions {
  uri: string;
  /** Omit for a server with authentication disabled (the embedded one). */
  auth?: { user: string; password: string };
  database?: string;
  /** Per-transaction timeout of API requests, sent with each statement and enforced by the server. */
  queryTimeoutMs: number;
  /**
   * Per-transaction timeout of administrative work (seeding, imports, summary refreshes, schema):
   * 0, the default, means none. It is not the request timeout because such work is sized by the
   * data, not by a caller's patience, and a busy machine must slow it down, not fail it.
   */
  adminTimeoutMs?: number;
  /** Connections the driver's pool may hold (50 when unset); past it, a statement waits up to 5 s for one to free up. */
  maxConnectionPoolSize?: number;
  logger: Logger;
}

/** The driver's pool as the executors sharing it see it: see {@link Executor.poolUse}. */
export interface PoolUse {
  /** Sessions open now. Each holds at most one pooled connection at a time: connections in use are at most this many. */
  sessionsOpen: number;
  /** The most sessions open at once since the driver was created. */
  sessionsPeak: number;
  /** Connections the pool may hold. */
  maxConnections: number;
  /** Statements refused because no connection freed up within the acquisition timeout (the pool was exhausted). */
  acquisitionTimeouts: number;
}

/** Connections in the driver's pool unless ExecutorOptions.maxConnectionPoolSize says otherwise. */
const DEFAULT_POOL_SIZE = 50;

/** How long a statement is retried on transient failures (the driver's managed transactions use the same). */
const RETRY_TIME_MS = 4_000;

/** The start-up probe (cypher/probe/ping.cypher). */
const PING = cypher('probe/ping');

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** The driver's message when no pooled connection freed up within connectionAcquisitionTimeout (the pool stayed exhausted). */
const ACQUISITION_TIMEOUT = /acquisition timed out/i;

/**
 * What a driver error means to a caller: the database is away, a statement ran out of time, the
 * store cannot be written, the database is busy (a transient error that outlived its retries),
 * or a fault.
 */
type DriverFailure = 'unavailable' | 'timeout' | 'store' | 'busy' | 'internal';

/** The stable code each kind of driver failure reaches callers (and spans) with. */
const FAILURE_CODE = { unavailable: 'SERVICE_UNAVAILABLE', timeout: 'SERVICE_UNAVAILABLE', store: 'NEO4J_STORE_FAILED', busy: 'SERVICE_UNAVAILABLE', internal: 'INTERNAL' } as const;

/** What each kind of failure tells the caller (never the driver's message: it can echo query text and values). */
const FAILURE_MESSAGE: Record<DriverFailure, string> = {
  unavailable: 'The graph database is unreachable right now; try again shortly.',
  timeout: 'The query took too long and was stopped; try a narrower request.',
  store: 'The graph database could not write to its store (most often its disk is full); nothing of this write was committed. An operator must free space and restart it.',
  busy: 'The graph database is busy right now; try again shortly.',
  internal: 'An internal error occurred.',
};

/** Classifies a driver error by its Neo4j code and message (the message is for the log only). */
function driverFailure(e: unknown): { kind: DriverFailure; code: string; message: string } {
  const code = e instanceof Neo4jError ? e.code : (e as { code?: string })?.code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (UNAVAILABLE_CODES.has(code) || ACQUISITION_TIMEOUT.test(message) || /ECONNREFUSED|Pool is closed/i.test(message)) return { kind: 'unavailable', code, message };
  // Neo4j could not append to its transaction log (a full disk, for one; the client is not told
  // which), then stops every transaction until restarted ("critical error"): neither passes by
  // retrying, so it gets its own code, and the write was not committed (the log is what commits).
  if (code === 'Neo.DatabaseError.Transaction.TransactionLogError' || (code === 'Neo.DatabaseError.Transaction.TransactionStartFailed' && /critical error/i.test(message))) return { kind: 'store', code, message };
  // LockClientStopped: a statement waiting for a lock when its transaction's timeout fired (or it
  // was terminated); the lock wait is how the timeout showed, not a fault.
  if (/TransactionTimedOut|Terminated|LockClientStopped/.test(code)) return { kind: 'timeout', code, message };
  // A transient error here has outlived its retries (a deadlock between writers, an exhausted
  // memory pool, a database briefly unavailable): the database is busy, not broken, and the
  // caller may try again; INTERNAL would send them looking for a bug (a soak run found one).
  if (/^Neo\.TransientError\./.test(code)) return { kind: 'busy', code, message };
  return { kind: 'internal', code, message };
}

/** How each kind of failure is logged: faults at error (with the driver's message, which stays in the log), the rest at warn. */
const FAILURE_LOG: Record<DriverFailure, { level: 'warn' | 'error'; text: string }> = {
  unavailable: { level: 'warn', text: 'neo4j unavailable' },
  timeout: { level: 'warn', text: 'neo4j query timed out' },
  store: { level: 'error', text: 'neo4j cannot write to its store' },
  busy: { level: 'warn', text: 'neo4j busy' },
  internal: { level: 'error', text: 'neo4j query failed' },
};

/**
 * Maps a driver error to an AppError with a stable code and a plain message (FAILURE_CODE,
 * FAILURE_MESSAGE); the driver's own message stays in the server log, and only for faults,
 * because driver messages can echo query text and parameter values.
 */
export function mapDriverError(e: unknown, queryName: string, logger: Logger): AppError {
  if (isAppError(e)) return e;
  const { kind, code, message } = driverFailure(e);
  const log = FAILURE_LOG[kind];
  logger[log.level]({ query: queryName, code, ...(kind === 'internal' ? { err: message } : {}) }, log.text);
  return new AppError(FAILURE_CODE[kind], FAILURE_MESSAGE[kind]);
}

/**
 * Spans of Cypher statements. Through @opentelemetry/api only: without a started SDK (traces
 * off) the tracer is a no-op and a span costs a function call.
 */
const tracer = trace.getTracer('breach-impact/db');

/** `server.address` and `server.port` of a Bolt URI (it carries no credentials), for spans. */
function serverOf(uri: string): { 'server.address'?: string; 'server.port'?: number } {
  try {
    const url = new URL(uri);
    return { 'server.address': url.hostname, ...(url.port ? { 'server.port': Number(url.port) } : {}) };
  } catch {
    return {};
  }
}

/**
 * The only module that touches the Neo4j driver. It owns sessions and transactions, routes reads
 * and writes (`executeRead`/`executeWrite`, so a cluster sends them to the right members and the
 * driver retries transient failures), maps errors to stable codes and counts round trips.
 */
/** Runs one statement inside {@link Executor.writeTransaction}'s transaction and returns its records. */
export type TxRun = <R = Record<string, unknown>>(query: NamedQuery, params?: Record<string, unknown>) => Promise<R[]>;

export class Executor {
  private constructor(
    private readonly driver: Driver,
    private readonly opts: ExecutorOptions,
    // An admin() view shares its parent's driver; closing either closes the one pool.
    private readonly closeDriver: () => Promise<void>,
    // An admin() view counts in its parent's figures: one pool, one count.
    private readonly pool: PoolUse,
  ) {
    this.spanAttributes = {
      'db.system': 'neo4j',
      'db.system.name': 'neo4j',
      ...(opts.database ? { 'db.namespace': opts.database } : {}),
      ...serverOf(opts.uri),
    };
  }

  /** What every statement span of this executor says of the database (see run()). */
  private readonly spanAttributes: Attributes;

  /** Creates the driver. Does not wait for the server: use {@link Executor.waitUntilReachable}. */
  static create(opts: ExecutorOptions): Executor {
    const auth = opts.auth ? neo4j.auth.basic(opts.auth.user, opts.auth.password) : neo4j.auth.basic('neo4j', '');
    const maxConnections = opts.maxConnectionPoolSize ?? DEFAULT_POOL_SIZE;
    const driver = neo4j.driver(opts.uri, auth, {
      // Fail fast when the database is gone so a request answers SERVICE_UNAVAILABLE in seconds
      // instead of hanging; the pool reconnects on its own once the server is back.
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxTransactionRetryTime: RETRY_TIME_MS,
      maxConnectionPoolSize: maxConnections,
      // Counts and sizes fit in a JS number; lossless Integer objects cost an allocation and a
      // conversion per value on every answer.
      disableLosslessIntegers: true,
      logging: { level: 'error', logger: (_level, message) => opts.logger.debug({ driver: message }) },
    });
    return new Executor(driver, opts, () => driver.close(), { sessionsOpen: 0, sessionsPeak: 0, maxConnections, acquisitionTimeouts: 0 });
  }

  /**
   * The same connection pool for administrative work: statements run under `adminTimeoutMs`
   * (none by default) instead of the request timeout. Seeding, imports and summary refreshes
   * take it; a GraphQL request never does, except through the after-write step of a mutation.
   */
  admin(): Executor {
    if (this.opts.queryTimeoutMs === (this.opts.adminTimeoutMs ?? 0)) return this;
    return new Executor(this.driver, { ...this.opts, queryTimeoutMs: this.opts.adminTimeoutMs ?? 0 }, this.closeDriver, this.pool);
  }

  /**
   * The whole time a GraphQL request may spend in the database, across all its statements
   * (NEO4J_QUERY_TIMEOUT_MS): the request context turns it into one deadline (see deadline.ts).
   */
  get requestTimeoutMs(): number {
    return this.opts.queryTimeoutMs;
  }

  /**
   * Polls until the configured database answers a trivial statement, or `timeoutMs` passes
   * (SERVICE_UNAVAILABLE then, naming the last reason). Refused credentials (NEO4J_AUTH_FAILED)
   * and an unknown database (NEO4J_DATABASE_NOT_FOUND) end the wait at once: the server has
   * answered, and waiting cannot change its answer. The first "not reachable" is logged with its
   * reason right away, so a wrong NEO4J_URI is named in seconds, not after the whole wait.
   */
  async waitUntilReachable(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const where = `Neo4j at ${this.opts.uri}`;
    for (let attempt = 1; ; attempt += 1) {
      const session = this.open('READ');
      try {
        await session.run(PING.text, {}, { timeout: 10_000 });
        return;
      } catch (e) {
        const failure = classifyConnectFailure(e);
        if (failure.kind === 'credentials') {
          const user = this.opts.auth?.user ?? 'neo4j';
          throw new AppError('NEO4J_AUTH_FAILED', `${where} refused the credentials of user "${user}" (NEO4J_USER, NEO4J_PASSWORD): ${failure.reason}`);
        }
        if (failure.kind === 'database') {
          throw new AppError('NEO4J_DATABASE_NOT_FOUND', `${where} answered, but has no database "${this.opts.database ?? '(default)'}" (NEO4J_DATABASE): ${failure.reason}`);
        }
        if (attempt === 1) this.opts.logger.warn({ uri: this.opts.uri, reason: failure.reason, waitS: timeoutMs / 1000 }, 'Neo4j not reachable yet; still trying');
        if (Date.now() > deadline) {
          throw new AppError('SERVICE_UNAVAILABLE', `${where} could not be reached within ${timeoutMs / 1000} s (check NEO4J_URI): ${failure.reason}`);
        }
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        await this.release(session);
      }
    }
  }

  /** True when the server answers a trivial query now; never throws. */
  async isReachable(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.opts.database });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs a read statement and returns its records as plain objects. It runs as an auto-commit
   * transaction: RUN and PULL go in one flush, where a managed transaction adds BEGIN and COMMIT,
   * two more messages per statement (a measured share of a nested answer's cost). A read is
   * idempotent, so transient failures are retried here, as executeRead would, within the same
   * retry time; the session's READ mode still routes it to a reader in a cluster. `timeoutMs`,
   * what is left of a request's deadline, replaces the executor's timeout and bounds the retries,
   * and the whole call on the client's side: once it has passed, the call fails with
   * SERVICE_UNAVAILABLE (the timeout's message) whatever the driver is still waiting for.
   */
  async read<T = Record<string, unknown>>(query: NamedQuery, params: Record<string, unknown> = {}, counter?: RoundTripCounter, timeoutMs?: number): Promise<T[]> {
    if (timeoutMs === undefined) return this.readRetrying<T>(query, params, counter);
    // The caller's time bounds the whole call, on the client's side too (see settleWithin): the
    // server-side timeout does not cover connecting, waiting for a pooled connection or the
    // pauses between retries, and a request past its deadline must answer now.
    const given = { up: false };
    const outcome = await settleWithin(this.readRetrying<T>(query, params, counter, timeoutMs, given), timeoutMs);
    if (outcome !== LATE) return outcome.value;
    // What was under way goes on in the background, but starts nothing more (no further attempt).
    given.up = true;
    this.opts.logger.warn({ query: query.name, timeoutMs }, 'neo4j query timed out on the client side (the request deadline passed while it waited)');
    return Promise.reject(new AppError(FAILURE_CODE.timeout, FAILURE_MESSAGE.timeout));
  }

  /** {@link Executor.read}'s attempts; `given.up` set by the caller stops any further one. */
  private async readRetrying<T>(query: NamedQuery, params: Record<string, unknown>, counter?: RoundTripCounter, timeoutMs?: number, given = { up: false }): Promise<T[]> {
    const started = performance.now();
    const deadline = started + Math.min(RETRY_TIME_MS, timeoutMs ?? Infinity);
    for (let attempt = 1; ; attempt += 1) {
      const session = this.open('READ');
      try {
        // A retry gets only what is left of the caller's time, never a fresh allowance.
        const left = timeoutMs === undefined ? undefined : Math.max(1, Math.ceil(timeoutMs - (performance.now() - started)));
        return await this.run<T>(session, query, params, counter, left);
      } catch (e) {
        if (!neo4j.isRetryableError(e) || performance.now() >= deadline || given.up) throw this.mapError(e, query.name);
        // Exponential back-off with jitter, as the driver's own retries do.
        await new Promise((r) => setTimeout(r, Math.min(1_000, 25 * 2 ** attempt) * (0.8 + 0.4 * Math.random())));
        if (given.up) throw this.mapError(e, query.name);
      } finally {
        await this.release(session).catch(() => undefined);
      }
    }
  }

  /**
   * Runs a read statement and hands its records to `onRow` one at a time as the server streams
   * them (the driver pulls them in batches and pauses while `onRow`'s promise is pending), so an
   * answer larger than memory can go to a file: whole-graph exports. One auto-commit transaction,
   * under this executor's timeout (use {@link Executor.admin} for none); not retried, since rows
   * already handed out cannot be taken back. Returns how many rows there were.
   */
  async stream<T = Record<string, unknown>>(query: NamedQuery, params: Record<string, unknown>, onRow: (row: T) => void | Promise<void>): Promise<number> {
    const session = this.open('READ');
    let rows = 0;
    try {
      const result = session.run(query.text, toNeo4jParams(params) as Record<string, unknown>, { timeout: this.opts.queryTimeoutMs, metadata: { app: 'breach-impact', query: query.name } });
      for await (const record of result) {
        rows += 1;
        await onRow(fromNeo4j(record.toObject()) as T);
      }
      return rows;
    } catch (e) {
      // What onRow threw (a file that cannot be written, a value it refuses) goes through as it is.
      if (!(e instanceof Neo4jError)) throw e;
      throw this.mapError(e, query.name);
    } finally {
      await this.release(session).catch(() => undefined);
    }
  }

  /** Runs one write statement in its own transaction and returns its records. */
  write<T = Record<string, unknown>>(query: NamedQuery, params: Record<string, unknown> = {}, counter?: RoundTripCounter): Promise<T[]> {
    return this.timedWrite(query.name, async (tx) => this.run<T>(tx, query, params, counter), counter, undefined);
  }

  /** Runs several write statements in one transaction: all of them land, or none does. `timeoutMs` replaces the executor's timeout (a request's remaining time). */
  async writeAll(steps: Step[], counter?: RoundTripCounter, timeoutMs?: number): Promise<void> {
    await this.timedWrite(
      steps.map((s) => s.query.name).join('+'),
      async (tx) => {
        for (const step of steps) await this.run(tx, step.query, step.params, counter);
      },
      counter,
      timeoutMs,
    );
  }

  /**
   * Runs `work` in one write transaction whose statements may depend on each other's answers
   * (read a value, compute in Node, write): locks a statement takes are held until commit. The
   * driver retries the whole of `work` on a transient error, so it must do nothing outside the
   * transaction that cannot be repeated. `timeoutMs` replaces the executor's timeout (a request's
   * remaining time).
   */
  async writeTransaction<T>(name: string, work: (run: TxRun) => Promise<T>, counter?: RoundTripCounter, timeoutMs?: number): Promise<T> {
    return this.timedWrite(name, (tx) => work((query, params = {}) => this.run(tx, query, params, counter)), counter, timeoutMs);
  }

  /**
   * A write transaction whose commit is timed into `counter.commits`: the time between the end of
   * `work` (its last answer) and the driver's report of the commit. Why apart from the statements:
   * a write's commit (transaction log forced, store and indexes updated) can cost as much as its
   * statements, and a breakdown that omits it does not say where a write's time went. A retried
   * transaction is timed on its last attempt.
   */
  private async timedWrite<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, counter: RoundTripCounter | undefined, timeoutMs: number | undefined): Promise<T> {
    let workEnded = 0;
    const result = await this.transaction(
      'WRITE',
      async (tx) => {
        const out = await work(tx);
        workEnded = performance.now();
        return out;
      },
      name,
      timeoutMs,
    );
    counter?.commits?.push({ query: name, ms: performance.now() - workEnded });
    return result;
  }

  /**
   * Asks the planner for a plan without running the statement (used by the EXPLAIN test) and
   * returns its operators with their details, root first, so tests can pin how a statement runs.
   */
  async explain(query: NamedQuery): Promise<Array<{ operator: string; details: string }>> {
    const session = this.open('READ');
    try {
      const result = await session.run(`EXPLAIN ${query.text}`);
      const operators: Array<{ operator: string; details: string }> = [];
      type PlanNode = { operatorType: string; arguments: Record<string, unknown>; children: PlanNode[] };
      const walk = (node: PlanNode | false | undefined) => {
        if (!node) return;
        operators.push({ operator: node.operatorType.replace(/@.*$/, ''), details: String(node.arguments?.Details ?? '') });
        node.children.forEach(walk);
      };
      walk(result.summary.plan as unknown as PlanNode);
      return operators;
    } finally {
      await this.release(session);
    }
  }

  /**
   * The driver's pool as the executors sharing it see it (neo4j-driver 6 publishes no figures of
   * its own): every session is opened here, and each holds at most one pooled connection at a
   * time, so connections in use are at most `sessionsOpen`; `acquisitionTimeouts` counts the
   * statements refused because the pool stayed exhausted. A copy: later statements do not move it.
   */
  poolUse(): PoolUse {
    return { ...this.pool };
  }

  /** Opens a session, counted open until {@link Executor.release}. */
  private open(mode: 'READ' | 'WRITE'): Session {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    this.pool.sessionsOpen += 1;
    this.pool.sessionsPeak = Math.max(this.pool.sessionsPeak, this.pool.sessionsOpen);
    return session;
  }

  /** Closes a session {@link Executor.open} opened, once. */
  private async release(session: Session): Promise<void> {
    this.pool.sessionsOpen -= 1;
    await session.close();
  }

  /** A driver error as an AppError (see mapDriverError), counting a pool that stayed exhausted. */
  private mapError(e: unknown, name: string): AppError {
    if (!isAppError(e) && ACQUISITION_TIMEOUT.test(e instanceof Error ? e.message : String(e))) this.pool.acquisitionTimeouts += 1;
    return mapDriverError(e, name, this.opts.logger);
  }

  /** Closes the driver and its pool. */
  async close(): Promise<void> {
    await this.closeDriver();
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>, name: string, timeoutMs?: number): Promise<T> {
    const session = this.open(mode);
    const config = { timeout: timeoutMs ?? this.opts.queryTimeoutMs, metadata: { app: 'breach-impact', query: name } };
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (e) {
      throw this.mapError(e, name);
    } finally {
      await this.release(session).catch(() => undefined);
    }
  }

  /**
   * Runs one statement, in a span named `cypher <statement name>` (a child of the request's span
   * when tracing is on). The span carries the statement's name, the database and the server,
   * never the statement text or a parameter value (parameters carry pseudonyms, ids, and in
   * imports rows): on failure, the stable error code and Neo4j's status code, never the driver's
   * message, which can quote values.
   */
  private async run<T>(tx: ManagedTransaction | Session, query: NamedQuery, params: Record<string, unknown>, counter?: RoundTripCounter, timeoutMs?: number): Promise<T[]> {
    // Counted before the call: a failed round trip still cost one.
    if (counter) {
      counter.roundTrips += 1;
      counter.queries.push(query.name);
    }
    const attributes = { ...this.spanAttributes, 'db.operation.name': query.name, 'db.query.summary': query.name };
    return tracer.startActiveSpan(`cypher ${query.name}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const started = performance.now();
      try {
        const result =
          'executeRead' in tx
            ? await tx.run(query.text, toNeo4jParams(params) as Record<string, unknown>, { timeout: timeoutMs ?? this.opts.queryTimeoutMs, metadata: { app: 'breach-impact', query: query.name } })
            : await tx.run(query.text, toNeo4jParams(params) as Record<string, unknown>);
        this.opts.logger.debug({ query: query.name, ms: Math.round(performance.now() - started), rows: result.records.length }, 'cypher');
        // The database that answered: the server's default one when NEO4J_DATABASE is unset.
        const database = result.summary.database?.name;
        if (database) span.setAttribute('db.namespace', database);
        span.setAttribute('db.response.returned_rows', result.records.length);
        return result.records.map((r) => fromNeo4j(r.toObject()) as T);
      } catch (e) {
        const errorCode = isAppError(e) ? e.code : FAILURE_CODE[driverFailure(e).kind];
        span.setAttribute('error.type', errorCode);
        const neo4jCode = e instanceof Neo4jError ? e.code : undefined;
        if (neo4jCode) span.setAttribute('db.response.status_code', neo4jCode);
        span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode });
        throw e;
      } finally {
        counter?.timings?.push({ query: query.name, ms: performance.now() - started });
        span.end();
      }
    });
  }
}
