import { deadlineReached, statementTimeoutMs } from '../../db/deadline';
import type { Deadline } from '../../db/deadline';
import { newRoundTripCounter } from '../../db/executor';
import type { Executor, RoundTripCounter } from '../../db/executor';
import { appendAuditEvents, ChainHead, EMPTY_CHAIN } from './audit.repository';
import type { AuditEventInput } from './audit.rows';

/** Most records one group commit appends: one statement's parameters stay small, and a batch never waits on a queue longer than itself. */
export const MAX_AUDIT_BATCH = 500;

/** Appends audit records to the hash chain, each durable before its promise resolves. */
export interface AuditAppender {
  /**
   * Appends `row` with the next group commit and resolves once that transaction has committed;
   * rejects with the transaction's error if it could not be (every record of that commit is then
   * refused alike: none was written). The statements of that commit are counted in `counter`.
   * `deadline`, the request's, bounds the commit (see {@link commitTimeoutMs}); without one the
   * executor's own timeout does.
   */
  append(row: AuditEventInput, counter: RoundTripCounter, deadline?: Deadline): Promise<void>;
  /** Transactions committed so far, each with one or more records: how well appends are grouped. */
  readonly commits: number;
  /** Records those transactions appended. */
  readonly records: number;
}

interface Waiting {
  row: AuditEventInput;
  counter: RoundTripCounter;
  deadline?: Deadline;
  resolve: () => void;
  reject: (e: unknown) => void;
  /** Set once its statement has been sent: from then on its request waits for the commit's outcome. */
  sent: boolean;
  /** Set when its request stopped waiting before its record was sent (its deadline passed): it is then never written. */
  gone: boolean;
}

/** Adds the statements of a group commit to the counter of one request it served. */
function share(commit: RoundTripCounter, counter: RoundTripCounter): void {
  counter.roundTrips += commit.roundTrips;
  counter.queries.push(...commit.queries);
  if (counter.timings && commit.timings) counter.timings.push(...commit.timings);
}

/**
 * The timeout of a group commit: what is left of the latest deadline among the requests it serves,
 * so that no commit runs past all of their deadlines (before, it had the executor's own timeout,
 * whatever those requests had left), while the request with the most time still gets all of it;
 * or undefined, the executor's timeout, when one of them has no deadline (an export).
 * Throws SERVICE_UNAVAILABLE (statementTimeoutMs) when every deadline has passed: the commit must
 * not start, and those requests' answers are refused, never sent unaudited.
 */
export function commitTimeoutMs(deadlines: Array<Deadline | undefined>): number | undefined {
  if (deadlines.some((d) => d === undefined)) return undefined;
  const latest = (deadlines as Deadline[]).reduce((a, b) => (b.remainingMs() > a.remainingMs() ? b : a));
  return statementTimeoutMs(latest);
}

/**
 * Group commit of the audit chain. Every append locks the chain's head from its statement to its
 * commit, so appends serialise on the database whatever the process does; one record per
 * transaction makes every audited request wait for all those ahead of it, each paying a commit.
 * Here, records that arrive while a commit is under way wait for the next one, and that one
 * appends them all: under load the lock is taken once per batch instead of once per request, and
 * each record is still committed before its request's answer leaves.
 */
class GroupCommit implements AuditAppender {
  private waiting: Waiting[] = [];
  private committing = false;
  commits = 0;
  records = 0;
  /**
   * Where this process believes the chain's head is: what its last commit left. Only a guess
   * (other processes append too): the statement checks it under the head's lock and, when it is
   * wrong, chains the batch onto the real head instead (see appendAuditEvents).
   */
  private head: ChainHead = EMPTY_CHAIN;

  constructor(private readonly executor: Executor) {}

  append(row: AuditEventInput, counter: RoundTripCounter, deadline?: Deadline): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiting: Waiting = {
        row,
        counter,
        deadline,
        sent: false,
        gone: false,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      if (deadline) {
        // The commit's own timeout binds Neo4j only once its transaction has begun: before that
        // (queued behind another commit, waiting for a pooled connection or a server that is
        // starting, the driver's retries) only this timer bounds the request's wait. A record not
        // yet sent is then dropped, and its request answers now. One already sent waits for the
        // outcome, which the server's timeout bounds: a refused request's record is never written.
        timer = setTimeout(() => {
          if (waiting.sent) return;
          waiting.gone = true;
          reject(deadlineReached(deadline));
        }, Math.max(0, deadline.remainingMs()));
      }
      this.waiting.push(waiting);
      // Nobody committing: this record starts a commit now, alone; later ones gather behind it.
      if (!this.committing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.committing = true;
    try {
      while (this.waiting.length > 0) {
        // Records whose requests stopped waiting while queued are not written (see append).
        const batch = this.waiting.splice(0, MAX_AUDIT_BATCH).filter((w) => !w.gone);
        if (batch.length === 0) continue;
        // The commit's own counter: the statements it cost are then shared by every request it served.
        const commit = newRoundTripCounter();
        try {
          const timeoutMs = commitTimeoutMs(batch.map((w) => w.deadline));
          // The driver may run the work again after a transient error: it starts from the same
          // guess each time, since `head` moves only once a commit has succeeded.
          this.head = await this.executor.writeTransaction(
            'audit/append-events',
            async (run) => {
              // Only here, with a connection and a transaction begun, are records sent: those whose
              // requests stopped waiting before this are left out (see append).
              const sending = batch.filter((w) => !w.gone);
              for (const w of sending) w.sent = true;
              if (sending.length === 0) return this.head;
              return appendAuditEvents(
                run,
                this.head,
                sending.map((w) => w.row),
              );
            },
            commit,
            timeoutMs,
          );
          const written = batch.filter((w) => w.sent);
          if (written.length > 0) this.commits += 1;
          this.records += written.length;
          for (const w of written) {
            share(commit, w.counter);
            w.resolve();
          }
        } catch (e) {
          for (const w of batch) {
            share(commit, w.counter);
            w.reject(e);
          }
        }
      }
    } finally {
      // Reached with the queue empty and no await since the check: a record pushed after it starts a new drain.
      this.committing = false;
    }
  }
}

// One appender per executor: requests sharing a driver share its group commits.
const APPENDERS = new WeakMap<Executor, AuditAppender>();

/** The group-commit appender of `executor` (created on first use). */
export function auditAppenderOf(executor: Executor): AuditAppender {
  let appender = APPENDERS.get(executor);
  if (!appender) {
    appender = new GroupCommit(executor);
    APPENDERS.set(executor, appender);
  }
  return appender;
}

/**
 * Appends one audit record to the hash chain, durable before the read's answer is sent: it joins
 * the next group commit of `executor`'s appender and resolves once that transaction has
 * committed; if it cannot be written, it rejects. The statement that wrote it is counted in
 * `counter`; `deadline`, the request's, bounds the wait (see {@link commitTimeoutMs}).
 */
export function recordAuditEvent(executor: Executor, counter: RoundTripCounter, row: AuditEventInput, deadline?: Deadline): Promise<void> {
  return auditAppenderOf(executor).append(row, counter, deadline);
}
