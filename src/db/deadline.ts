import { AppError } from '../errors/app-error';

/** Milliseconds on a monotonic scale; injectable so tests move time without waiting. */
export type Clock = () => number;

/** The process's monotonic clock (wall-clock jumps do not shorten or stretch a deadline). */
export const monotonicClock: Clock = () => performance.now();

/**
 * The part of a request's allowance kept for its own work after its last statement (resolving
 * the rest of the answer, serialising it, sending it): 5 % of the allowance, at most 1 s (500 ms
 * of a 10 s deadline). Statements, and the waits for a connection, a server that is starting or
 * the driver's retries, are bounded by the allowance minus this reserve, so a request cut at its
 * statements' bound still answers by its deadline on a loaded machine (a CI run of the restart
 * fault test, two busy loops, had a read stopped at exactly 10.0 s answer at 10.1 s).
 */
export function answerReserveMs(totalMs: number): number {
  return Math.min(1_000, totalMs * 0.05);
}

/** The one deadline of a request: every statement it runs shares it. */
export interface Deadline {
  /** Milliseconds left for statements (the allowance less {@link answerReserveMs}); zero or less once that has passed. */
  remainingMs(): number;
  /** The request's whole allowance, for messages. */
  readonly totalMs: number;
  /**
   * Widens the allowance to `totalMs` from the request's start when that is longer (never
   * shortens it): a request that spent a live count gets the live counts' allowance for the
   * statements it starts from then on.
   */
  allow(totalMs: number): void;
}

/** A deadline `totalMs` from now on `clock`. */
export function deadlineAfter(totalMs: number, clock: Clock = monotonicClock): Deadline {
  const start = clock();
  let allowed = totalMs;
  return {
    get totalMs() {
      return allowed;
    },
    remainingMs: () => start + allowed - answerReserveMs(allowed) - clock(),
    allow: (ms: number) => {
      allowed = Math.max(allowed, ms);
    },
  };
}

/**
 * The timeout to send with the next statement of a request: what is left of its deadline (whole
 * milliseconds, at least 1, since 0 would mean "no timeout" to the server). Once the deadline has
 * passed the statement must not start: SERVICE_UNAVAILABLE, as when the server stops a statement
 * for time, since the cause is the same (the request took too long) and so is the advice.
 */
export function statementTimeoutMs(deadline: Deadline): number {
  const left = deadline.remainingMs();
  if (left <= 0) throw deadlineReached(deadline);
  return Math.max(1, Math.ceil(left));
}

/** The error of a request stopped by its deadline (SERVICE_UNAVAILABLE), whatever it was waiting for. */
export function deadlineReached(deadline: Deadline): AppError {
  return new AppError('SERVICE_UNAVAILABLE', `The request reached its deadline (${Math.round(deadline.totalMs / 1000)} s for all its statements) and was stopped; try a narrower request.`);
}
