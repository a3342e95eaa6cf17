import type { Executor, RoundTripCounter } from '../db/executor';
import type { NamedQuery } from '../db/cypher-files';

/** What a repository may do: run named read statements, counted against the current request. */
export interface RequestDb {
  read<T>(query: NamedQuery, params?: Record<string, unknown>): Promise<T[]>;
}

/** Binds the executor to one request's round-trip counter. */
export function requestDb(executor: Executor, counter: RoundTripCounter): RequestDb {
  return { read: (query, params) => executor.read(query, params ?? {}, counter) };
}
