import type { Principal } from '../auth/principal';
import { Clock, monotonicClock } from '../db/deadline';
import type { Executor } from '../db/executor';
import { AppError } from '../errors/app-error';

/** Live counts one caller may start per minute when nothing else is configured (LIVE_COUNTS_PER_MINUTE). */
export const DEFAULT_LIVE_COUNTS_PER_MINUTE = 10;

/**
 * The deadline of a request that spends a live count, from its start, when nothing else is
 * configured (NEO4J_LIVE_COUNT_TIMEOUT_MS): a live count walks people in the database, seconds at
 * national size and more on a cold store or a busy machine (a soak's first what-if over 1M people
 * took 16.2 s against the 15 s of any other request), and it is already budgeted per caller.
 */
export const DEFAULT_LIVE_COUNT_TIMEOUT_MS = 60_000;

/** Settings of a {@link LiveCountBudget}. */
export interface LiveCountBudgetOptions {
  /** Live counts one caller may start per window; Infinity for none (tests of other things). */
  limit: number;
  windowMs: number;
  /** The deadline of a request that spends one, from its start (default {@link DEFAULT_LIVE_COUNT_TIMEOUT_MS}). */
  timeoutMs?: number;
  clock?: Clock;
}

/**
 * A per-caller budget of live counts: `breachImpact`/`affectedInsurers` (or `Breach.impact`) on a
 * date other than a breach's stored reference date, each of which walks the flows and counts
 * people in the database (seconds at national size; one 20-alias request once ran 31.6 s).
 * A sliding window per caller: at most `limit` counts started in any `windowMs`. A request asking
 * more than is left is refused whole and spends nothing: QUERY_TOO_COMPLEX with
 * `retryAfterSeconds`, before any statement runs, so no connection is held. Process-wide: one per
 * API process (several processes each keep their own).
 */
export class LiveCountBudget {
  private readonly spent = new Map<string, number[]>();
  private readonly clock: Clock;

  constructor(private readonly opts: LiveCountBudgetOptions) {
    this.clock = opts.clock ?? monotonicClock;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_LIVE_COUNT_TIMEOUT_MS;
  }

  /** The deadline of a request that spends a live count, from its start (the request context widens its deadline to it). */
  readonly timeoutMs: number;

  /** Spends `count` live counts of `caller`, or throws QUERY_TOO_COMPLEX without spending any. */
  take(caller: string, count: number): void {
    if (count <= 0 || this.opts.limit === Infinity) return;
    const now = this.clock();
    const since = now - this.opts.windowMs;
    const kept = (this.spent.get(caller) ?? []).filter((t) => t > since);
    if (kept.length + count > this.opts.limit) {
      // The earliest moment enough of the caller's counts leave the window, or a whole window
      // when this one request asks for more than the limit.
      const expiring = kept[kept.length + count - this.opts.limit - 1];
      const waitMs = count > this.opts.limit || expiring === undefined ? this.opts.windowMs : expiring + this.opts.windowMs - now;
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      this.spent.set(caller, kept);
      throw new AppError(
        'QUERY_TOO_COMPLEX',
        `This request needs ${count} live count(s) (an asOf other than a breach's reference date) and ${Math.max(0, this.opts.limit - kept.length)} of ${this.opts.limit} are left in this ${Math.round(this.opts.windowMs / 1000)} s window; retry in ${retryAfterSeconds} s, or use the breach's reference date or one of its documented event dates, which are answered from stored totals.`,
        { retryAfterSeconds },
      );
    }
    for (let i = 0; i < count; i += 1) kept.push(now);
    this.spent.set(caller, kept);
    // Forget callers idle for a whole window, so the map stays the size of the active callers.
    if (this.spent.size > 10_000) for (const [k, ts] of this.spent) if (ts[ts.length - 1] <= since) this.spent.delete(k);
  }
}

/** Whose budget a request spends: the token's subject; anonymous callers share one. */
export function liveCountCaller(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.subject}` : 'anonymous';
}

const defaults = new WeakMap<Executor, LiveCountBudget>();

/**
 * The budget of an API over `executor` when its services name none: the default limit, so an
 * omission never means "unlimited".
 */
export function defaultLiveCountBudget(executor: Executor): LiveCountBudget {
  let budget = defaults.get(executor);
  if (!budget) {
    budget = new LiveCountBudget({ limit: DEFAULT_LIVE_COUNTS_PER_MINUTE, windowMs: 60_000 });
    defaults.set(executor, budget);
  }
  return budget;
}
