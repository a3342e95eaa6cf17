import type { Logger } from 'pino';
import { Principal, tenantOf } from '../auth/principal';
import { TenantCheck, tenantCheck } from '../auth/tenant-check';
import { Executor, newRoundTripCounter, RoundTripCounter } from '../db/executor';
import { AuditRecorder, createAuditRecorder } from '../domain/audit/audit-recorder';
import { cursorKey } from '../domain/contract/cursor';
import { Audience, audienceOf, DEFAULT_DISCLOSURE, DisclosureSettings } from '../domain/disclosure/disclosure-policy';
import { summaryCacheOf } from '../domain/impact/summary-cache';
import { catalogueCacheOf, catalogueVersionReader, VersionReader } from './catalogue-cache';
import { createLoaders, Loaders } from './loaders';
import { RequestDb, requestDb } from '../db/request-db';
import { Clock, deadlineAfter } from '../db/deadline';
import { defaultLiveCountBudget, LiveCountBudget, liveCountCaller } from './live-count-budget';

/** Process-wide services a request context is built from. */
export interface Services {
  executor: Executor;
  logger: Logger;
  /** HMAC key of NIR pseudonyms. */
  pseudonymKey: Buffer;
  /** Per-caller budget of live counts (LIVE_COUNTS_PER_MINUTE); when omitted, the default limit, never none. */
  liveCounts?: LiveCountBudget;
  /** The clock of request deadlines and budgets; tests inject one. Default: monotonic time. */
  clock?: Clock;
  /** Disclosure control of aggregates (config DISCLOSURE_MIN_CELL); default threshold 10 when absent. */
  disclosure?: DisclosureSettings;
  /** Contracts per statement of the mailing export (default EXPORT_BATCH_SIZE); tests set a small one to cross batch boundaries. */
  exportBatchSize?: number;
}

/** What every resolver receives. */
export interface RequestContext {
  /** The executor itself, for ADMIN writes that manage their own transactions (imports). */
  executor: Executor;
  /** Who is calling. */
  principal: Principal;
  /** The insurer this request is confined to, or null for roles that see every tenant. */
  tenant: string | null;
  /** Whether `tenant` names an insurer of the graph (see tenant-check.ts); the auth checker awaits it. */
  tenantCheck: TenantCheck;
  /** The request's statements; a read also starts the catalogue version's read beside it (once per request). */
  db: RequestDb;
  /**
   * The same statements for one that returns the catalogue version alongside its rows
   * (shared/catalogue-version), whose caller then adopts it: no version read is started beside it.
   */
  versionedDb: RequestDb;
  loaders: Loaders;
  /** The request's catalogue version (see catalogue-cache.ts): read once, or adopted from a statement that read it alongside its rows. */
  catalogueVersion: VersionReader;
  audit: AuditRecorder;
  roundTrips: RoundTripCounter;
  logger: Logger;
  pseudonymKey: Buffer;
  /** AES-256-GCM key of `affectedContracts` cursors, derived from the pseudonym key. */
  cursorKey: Buffer;
  /** The disclosure-control settings, and how this caller's aggregates are disclosed under them. */
  disclosure: DisclosureSettings;
  audience: Audience;
  /** Spends `count` of the caller's live counts before a live count runs (QUERY_TOO_COMPLEX over budget); loaders spend it themselves. */
  spendLiveCounts: (count: number) => void;
}

/**
 * Builds a fresh context for one GraphQL request of `principal`. The request gets one deadline,
 * `executor.requestTimeoutMs` from now, shared by all its statements (each is sent with what is
 * left, and none starts after it), and spends its caller's live-count budget; once it spends a
 * live count its deadline is the budget's `timeoutMs` from its start, when that is longer.
 */
export function createRequestContext(services: Services, principal: Principal): RequestContext {
  const roundTrips = newRoundTripCounter();
  // One allowance for the whole request: a per-statement timeout let a 20-alias request run 31.6 s.
  const deadline = deadlineAfter(services.executor.requestTimeoutMs, services.clock);
  const direct = requestDb(services.executor, roundTrips, deadline);
  const catalogue = catalogueCacheOf(services.executor);
  const catalogueVersion = catalogueVersionReader(direct, catalogue);
  // Nearly every answer names catalogue rows, which need the catalogue version first: reading it
  // alongside the request's first statement takes it off the critical path. The failure, if
  // any, is reported by whoever awaits the version, not here.
  const db: RequestDb = {
    ...direct,
    read: (query, params) => {
      catalogueVersion().catch(() => undefined);
      return direct.read(query, params);
    },
  };
  const tenant = tenantOf(principal);
  const budget = services.liveCounts ?? defaultLiveCountBudget(services.executor);
  const spendLiveCounts = (count: number) => {
    budget.take(liveCountCaller(principal), count);
    // A live count walks people: the request gets the live counts' allowance from here on.
    if (count > 0) deadline.allow(budget.timeoutMs);
  };
  const loaders = createLoaders(
    db,
    tenant,
    { catalogue, catalogueVersion, summaries: summaryCacheOf(services.executor) },
    spendLiveCounts,
  );
  const checkTenant = tenantCheck(
    principal,
    (id) => loaders.organization.load(id),
    (id) => loaders.organization.peekAssumed(id),
  );
  // Started now rather than at the first protected field, so the catalogue version it needs is
  // read while the operation is parsed and validated. A failure is reported to whoever awaits
  // the check (the auth checker), not here. Not when the process already holds the tenant's row:
  // a contract page then confirms the version with its own statement instead of reading it first
  // (see TenantCheck.provisional), and any other field reads it when its check is awaited.
  if (!checkTenant.canAssume()) checkTenant().catch(() => undefined);
  const disclosure = services.disclosure ?? DEFAULT_DISCLOSURE;
  return {
    executor: services.executor,
    principal,
    tenant,
    tenantCheck: checkTenant,
    db,
    versionedDb: direct,
    loaders,
    catalogueVersion,
    audit: createAuditRecorder(services.executor, roundTrips, principal, deadline),
    roundTrips,
    logger: services.logger,
    pseudonymKey: services.pseudonymKey,
    cursorKey: cursorKeyOf(services.pseudonymKey),
    disclosure,
    audience: audienceOf(principal, disclosure),
    spendLiveCounts,
  };
}

const cursorKeys = new WeakMap<Buffer, Buffer>();
/** The cursor key of a pseudonym key, derived once per process rather than once per request. */
function cursorKeyOf(pseudonymKey: Buffer): Buffer {
  let key = cursorKeys.get(pseudonymKey);
  if (!key) {
    key = cursorKey(pseudonymKey);
    cursorKeys.set(pseudonymKey, key);
  }
  return key;
}
