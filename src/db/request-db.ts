import type { Executor, RoundTripCounter, Step, TxRun } from './executor';
import type { NamedQuery } from './cypher-files';
import { Deadline, statementTimeoutMs } from './deadline';

/** What a repository may do: run named statements, counted against the current request. */
export interface RequestDb {
  read<T>(query: NamedQuery, params?: Record<string, unknown>): Promise<T[]>;
  /** Several write statements in one transaction (guarded mutations only: ADMIN writes, an INSURER recording its own notifications). */
  writeAll(steps: Step[]): Promise<void>;
}

/**
 * Binds the executor to one request's round-trip counter and, when given, its deadline: each
 * statement is sent with what is left of it as its timeout, and none starts once it has passed
 * (SERVICE_UNAVAILABLE, see {@link statementTimeoutMs}). Without it, each statement has the
 * executor's own timeout.
 */
export function requestDb(executor: Executor, counter: RoundTripCounter, deadline?: Deadline): RequestDb {
  const timeout = () => (deadline ? statementTimeoutMs(deadline) : undefined);
  return {
    read: async (query, params) => executor.read(query, params ?? {}, counter, timeout()),
    writeAll: async (steps) => executor.writeAll(steps, counter, timeout()),
  };
}

/**
 * The statements of one open write transaction (Executor.writeTransaction's `run`) seen as a
 * RequestDb, so repositories that read through a RequestDb can read inside it (what the summary
 * upkeep does: its reads must see the transaction's own writes and no one else's in between).
 */
export function txRequestDb(run: TxRun): RequestDb {
  return {
    read: async (query, params) => run(query, params ?? {}),
    writeAll: async (steps) => {
      for (const step of steps) await run(step.query, step.params);
    },
  };
}
