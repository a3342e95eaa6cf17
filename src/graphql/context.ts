import type { Logger } from 'pino';
import { Executor, newRoundTripCounter, RoundTripCounter } from '../db/executor';
import { createLoaders, Loaders } from './loaders';
import { RequestDb, requestDb } from './request-db';

/** What every resolver receives: the request's database handle, loaders, counter and logger. */
export interface RequestContext {
  db: RequestDb;
  loaders: Loaders;
  roundTrips: RoundTripCounter;
  logger: Logger;
}

/** Builds a fresh context for one GraphQL request. */
export function createRequestContext(executor: Executor, logger: Logger): RequestContext {
  const roundTrips = newRoundTripCounter();
  const db = requestDb(executor, roundTrips);
  return { db, loaders: createLoaders(db), roundTrips, logger };
}
