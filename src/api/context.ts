import type { Logger } from 'pino';
import { Principal, tenantOf } from '../auth/principal';
import { Executor, newRoundTripCounter, RoundTripCounter } from '../db/executor';
import { AuditRecorder, createAuditRecorder } from '../domain/audit/audit-recorder';
import { Audience, audienceOf, DEFAULT_DISCLOSURE, DisclosureSettings } from '../domain/disclosure/disclosure-policy';
import { summaryCacheOf } from '../domain/impact/summary-cache';
import { catalogueCacheOf, catalogueVersionReader } from './catalogue-cache';
import { createLoaders, Loaders } from './loaders';
import { RequestDb, requestDb } from '../db/request-db';

/** Process-wide services a request context is built from. */
export interface Services {
  executor: Executor;
  logger: Logger;
  /** HMAC key of NIR pseudonyms. */
  pseudonymKey: Buffer;
  /** Disclosure control of aggregates (config DISCLOSURE_MIN_CELL); default threshold 10 when absent. */
  disclosure?: DisclosureSettings;
}

/** What every resolver receives. */
export interface RequestContext {
  /** The executor itself, for ADMIN writes that manage their own transactions (imports). */
  executor: Executor;
  /** Who is calling. */
  principal: Principal;
  /** The insurer this request is confined to, or null for roles that see every tenant. */
  tenant: string | null;
  db: RequestDb;
  loaders: Loaders;
  audit: AuditRecorder;
  roundTrips: RoundTripCounter;
  logger: Logger;
  pseudonymKey: Buffer;
  /** The disclosure-control settings, and how this caller's aggregates are disclosed under them. */
  disclosure: DisclosureSettings;
  audience: Audience;
}

/** Builds a fresh context for one GraphQL request of `principal`. */
export function createRequestContext(services: Services, principal: Principal): RequestContext {
  const roundTrips = newRoundTripCounter();
  const direct = requestDb(services.executor, roundTrips);
  const catalogueVersion = catalogueVersionReader(direct);
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
  const disclosure = services.disclosure ?? DEFAULT_DISCLOSURE;
  return {
    executor: services.executor,
    principal,
    tenant,
    db,
    loaders: createLoaders(db, tenant, { catalogue: catalogueCacheOf(services.executor), catalogueVersion, summaries: summaryCacheOf(services.executor) }),
    audit: createAuditRecorder(services.executor, roundTrips, principal),
    roundTrips,
    logger: services.logger,
    pseudonymKey: services.pseudonymKey,
    disclosure,
    audience: audienceOf(principal, disclosure),
  };
}
