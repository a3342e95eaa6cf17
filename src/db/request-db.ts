import type { Executor, RoundTripCounter, Step } from './executor';
import type { NamedQuery } from './cypher-files';

/** What a repository may do: run named statements, counted against the current request. */
export interface RequestDb {
  read<T>(query: NamedQuery, params?: Record<string, unknown>): Promise<T[]>;
  /** Several write statements in one transaction (ADMIN mutations only: resolvers guard it). */
  writeAll(steps: Step[]): Promise<void>;
}

/** Binds the executor to one request's round-trip counter. */
export function requestDb(executor: Executor, counter: RoundTripCounter): RequestDb {
  return {
    read: (query, params) => executor.read(query, params ?? {}, counter),
    writeAll: (steps) => executor.writeAll(steps, counter),
  };
}
