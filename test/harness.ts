import 'reflect-metadata';
import crypto from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import pino from 'pino';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Principal, Role } from '../src/auth/principal';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { applySchema } from '../src/db/schema';
import { loadSeeds } from '../src/domain/seed/load-seeds';
import { Executor } from '../src/db/executor';
import type { RequestContext, Services } from '../src/api/context';
import { createRequestContext } from '../src/api/context';
import type { DisclosureSettings } from '../src/domain/disclosure/disclosure-policy';
import { createApollo } from '../src/api/server/app';
import { LiveCountBudget } from '../src/api/live-count-budget';

/**
 * How long a hook that starts a Neo4j of its own (and seeds it) may take. Generous on purpose: on
 * a busy shared machine a cold JVM, the schema and the seeds can take minutes, and a slow start
 * is not a failure; a hung one still ends well inside CI's time.
 */
export const SERVER_START_MS = 20 * 60_000;

/** The quiet logger tests use. */
export const testLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Where a test Neo4j is and how to log in (authentication is always on). */
export interface TestNeo4j {
  uri: string;
  auth: { user: string; password: string };
}

/**
 * The test database: the one global-setup started, or in the remote suite the separate server
 * test/remote/global-setup.ts was pointed at (its user is then BI_TEST_NEO4J_USER).
 */
export function sharedNeo4j(): TestNeo4j {
  const uri = process.env.BI_TEST_NEO4J_URI;
  const password = process.env.BI_TEST_NEO4J_PASSWORD;
  if (!uri || !password) throw new Error('BI_TEST_NEO4J_URI unset: run the tests through jest (global-setup starts Neo4j).');
  return { uri, auth: { user: process.env.BI_TEST_NEO4J_USER || 'neo4j', password } };
}

/** An executor on the test database started by global-setup. */
export function testExecutor(): Executor {
  return Executor.create({ ...sharedNeo4j(), queryTimeoutMs: 60_000, logger: testLogger });
}

/** A fresh strong password for a throwaway test store. */
export function testPassword(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The pseudonym key the test run uses (global-setup seeds with it). */
export const TEST_PSEUDONYM_KEY = Buffer.from('test-pseudonym-key-0123456789abcdef-not-for-production');

/** The HS256 secret test tokens are signed with. */
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef-not-for-production';

/** Auth settings of the test run: local HS256 tokens, default issuer, audience and maximum lifetime (24 h). */
export const testAuthConfig = { auth: { jwtSecret: TEST_JWT_SECRET, jwksUrl: undefined, algorithms: ['HS256'], issuer: 'breach-impact-local', audience: 'breach-impact', maxTokenLifetimeS: 86_400 } };

/** A principal with a role (and, for an insurer, its organisation). */
export function as(role: Role, orgId: string | null = null): Principal {
  return { kind: 'user', subject: `test-${role.toLowerCase()}${orgId ? `-${orgId}` : ''}`, role, orgId };
}

/**
 * Services over the test database: without a live-count budget (tests that compare live counts
 * with stored ones run many; test/request-limits.test.ts tests the budget and its default), and with
 * disclosure control at its default unless `disclosure` is given.
 */
export function testServices(executor: Executor, disclosure?: DisclosureSettings): Services {
  return { executor, logger: testLogger, pseudonymKey: TEST_PSEUDONYM_KEY, liveCounts: new LiveCountBudget({ limit: Infinity, windowMs: 60_000 }), ...(disclosure ? { disclosure } : {}) };
}

/**
 * Disclosure control off (DISCLOSURE_MIN_CELL=1), for a test file about counting rather than about
 * disclosure: aggregate roles then read exact counts on any date. Never the harness default.
 */
export const EXACT_COUNTS: DisclosureSettings = Object.freeze({ minCell: 1 });

/** Options of {@link startApi}. */
export interface ApiOptions {
  /** Disclosure-control settings of the API (default: the production default, threshold 10). */
  disclosure?: DisclosureSettings;
}

/** What one operation returned, with the Cypher round trips it cost. */
export interface Run<T> {
  data: T;
  errors: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown }> | undefined;
  roundTrips: number;
  queries: string[];
}

/** An Apollo Server over the test database, and a helper running one operation on it. */
export interface Api {
  executor: Executor;
  apollo: ApolloServer<RequestContext>;
  /** Runs one operation as `principal` (default: an ANALYST, who sees every aggregate). */
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, principal?: Principal): Promise<Run<T>>;
  close(): Promise<void>;
}

/** Starts an Apollo Server (no HTTP) over the test database (or `server`), in development mode. */
export async function startApi(server?: TestNeo4j, options: ApiOptions = {}): Promise<Api> {
  const executor = server ? Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 60_000, logger: testLogger }) : testExecutor();
  const apollo = await createApollo({ production: false }, testLogger);
  return {
    executor,
    apollo,
    async run<T>(query: string, variables?: Record<string, unknown>, principal: Principal = as('ANALYST')): Promise<Run<T>> {
      const contextValue = createRequestContext(testServices(executor, options.disclosure), principal);
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const result = response.body.singleResult;
      return {
        data: result.data as T,
        errors: result.errors as Run<T>['errors'],
        roundTrips: contextValue.roundTrips.roundTrips,
        queries: contextValue.roundTrips.queries,
      };
    },
    async close() {
      await apollo.stop();
      await executor.close();
    },
  };
}

/** Applies the schema and loads the seeded public record on the server at `uri` (both idempotent), then lets go of it. */
export async function seedServer(uri: string, auth: { user: string; password: string }, logger: pino.Logger = testLogger): Promise<void> {
  const executor = Executor.create({ uri, auth, queryTimeoutMs: 60_000, logger });
  try {
    await executor.waitUntilReachable();
    await applySchema(executor);
    await loadSeeds(executor, TEST_PSEUDONYM_KEY);
  } finally {
    await executor.close();
  }
}

/**
 * A Neo4j of the test's own, seeded, for tests that write what other test files would see (the
 * breach catalogue): Community has one user database, so isolation means another server.
 */
export async function startPrivateNeo4j(): Promise<TestNeo4j & { stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-private-'));
  const neo4j = await startEmbeddedNeo4j({ boltPort: 0, dataDir, heap: '512m', pageCache: '64m', password: testPassword() });
  await seedServer(neo4j.uri, neo4j.auth);
  return {
    uri: neo4j.uri,
    auth: neo4j.auth,
    async stop() {
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
