import { AppError } from '../errors/app-error';

/** Milliseconds on a monotonic scale; injectable so tests move time without waiting. */
export type Clock = () => number;

/** The process's monotonic clock (wall-clock jumps do not shorten or stretch a deadline). */
export const monotonicClock: Clock = () => performance.now();

/** The one deadline of a request: every statement it runs shares it. */
export interface Deadline {
  /** Milliseconds left; zero or less once it has passed. */
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
    remainingMs: () => start + allowed - clock(),
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
