import { percentile } from './percentile';

export { percentile };

/** One answered (or failed) request of the soak. */
export interface RequestRecord {
  /** Milliseconds since the load started, when the answer was read whole (or the request failed). */
  endMs: number;
  op: string;
  /** Send to last byte of the answer. */
  ms: number;
  /** HTTP status; 0 when no answer came (connection error, timeout). */
  status: number;
  /**
   * A server fault inside a 200 answer: a GraphQL error whose code's documented status is 5xx
   * (INTERNAL, SERVICE_UNAVAILABLE), counted with the 5xx statuses.
   */
  serverFault?: true;
  /** Set when the request failed: HTTP status other than 200, a GraphQL error (its code), or no answer. */
  error?: string;
  /** The failure's message (first 300 characters), for the report's example per code. */
  message?: string;
  /** Rows an import of the trickle loaded (imports only). */
  importRows?: number;
}

/** Resident memory of the two processes at one moment (kB, from /proc/<pid>/status VmRSS; null when unreadable). */
export interface RssSample {
  atMs: number;
  nodeKb: number | null;
  jvmKb: number | null;
}

/** One row of the per-minute table. */
export interface MinuteRow {
  minute: number;
  requests: number;
  errors: number;
  fiveXX: number;
  requestsPerSecond: number;
  /** Latency of every request of the minute, reads and imports, failed ones included (ms). */
  p50: number;
  p99: number;
  max: number;
  imports: number;
  importRows: number;
  /** Mean of the minute's samples (MB); null without a sample. */
  nodeRssMb: number | null;
  jvmRssMb: number | null;
  errorCodes: Record<string, number>;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * The per-minute table: each request counts in the minute its answer ended (answers that ended
 * after the last minute, in flight when the load stopped, count in the last one).
 */
export function minuteRows(records: readonly RequestRecord[], samples: readonly RssSample[], minutes: number): MinuteRow[] {
  const at = (ms: number) => Math.min(minutes - 1, Math.max(0, Math.floor(ms / 60_000)));
  return Array.from({ length: minutes }, (_, m) => {
    const mine = records.filter((r) => at(r.endMs) === m);
    const times = mine.map((r) => r.ms).sort((a, b) => a - b);
    const errorCodes: Record<string, number> = {};
    for (const r of mine) if (r.error !== undefined) errorCodes[r.error] = (errorCodes[r.error] ?? 0) + 1;
    const imports = mine.filter((r) => r.importRows !== undefined);
    const inMinute = samples.filter((s) => at(s.atMs) === m);
    const mb = (kbs: Array<number | null>) => {
      const m = mean(kbs.filter((k): k is number => k !== null));
      return m === null ? null : m / 1024;
    };
    return {
      minute: m + 1,
      requests: mine.length,
      errors: mine.filter((r) => r.error !== undefined).length,
      fiveXX: mine.filter((r) => r.status >= 500 || r.serverFault).length,
      requestsPerSecond: mine.length / 60,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      max: times.length === 0 ? NaN : times[times.length - 1],
      imports: imports.length,
      importRows: imports.reduce((s, r) => s + (r.importRows ?? 0), 0),
      nodeRssMb: mb(inMinute.map((s) => s.nodeKb)),
      jvmRssMb: mb(inMinute.map((s) => s.jvmKb)),
      errorCodes,
    };
  });
}

/** How one operation's latency moved over the run: its p50 in the first minute after the warm-up and in the last. */
export interface OperationDrift {
  /** Minute (1-based) of the early figure: the first after the warm-up. */
  earlyMinute: number;
  earlyP50: number;
  lateMinute: number;
  lateP50: number;
}

/**
 * The p50 of `op`'s requests in the first minute after the warm-up and in the last minute (by the
 * minute their answer ended, as minuteRows counts them): which operations slow down as the run goes
 * on. NaN where the minute had none of them. Null when the run has no minute after the warm-up
 * besides the last.
 */
export function operationDrift(records: readonly RequestRecord[], op: string, minutes: number, warmupMinutes: number): OperationDrift | null {
  const early = warmupMinutes + 1;
  if (early >= minutes) return null;
  const at = (ms: number) => Math.min(minutes - 1, Math.max(0, Math.floor(ms / 60_000))) + 1;
  const p50In = (minute: number) =>
    percentile(
      records
        .filter((r) => r.op === op && at(r.endMs) === minute)
        .map((r) => r.ms)
        .sort((a, b) => a - b),
      50,
    );
  return { earlyMinute: early, earlyP50: p50In(early), lateMinute: minutes, lateP50: p50In(minutes) };
}

/** One target of issue #14 §3 and whether the run met it. */
export interface Check {
  target: string;
  measured: string;
  met: boolean;
}

const pct = (d: number) => `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)} %`;

/**
 * RSS after the warm-up, judged on each minute's mean (12 samples: single samples catch the
 * garbage collector's sawtooth, a leak shows in the means), against the first minute after the
 * warm-up; the range of single samples against the same base is reported beside it.
 */
function rssCheck(name: string, rows: readonly MinuteRow[], samples: readonly RssSample[], pick: (r: MinuteRow) => number | null, sampled: (s: RssSample) => number | null, warmupMinutes: number): Check {
  const after = rows.filter((r) => r.minute > warmupMinutes && pick(r) !== null);
  const target = `${name} RSS within ±10 % after the warm-up (minute means against the first minute after it)`;
  if (after.length < 2) return { target, measured: `${after.length} minute(s) with samples after the warm-up: at least 2 are needed`, met: false };
  const base = pick(after[0])!;
  const devs = after.slice(1).map((r) => pick(r)! / base - 1);
  const lo = Math.min(...devs);
  const hi = Math.max(...devs);
  const single = samples.filter((s) => s.atMs >= warmupMinutes * 60_000 && sampled(s) !== null).map((s) => sampled(s)! / 1024 / base - 1);
  return {
    target,
    measured: `${base.toFixed(0)} MB in minute ${after[0].minute}; later minutes ${pct(lo)} to ${pct(hi)} (single samples ${pct(Math.min(...single))} to ${pct(Math.max(...single))})`,
    met: lo >= -0.1 && hi <= 0.1,
  };
}

/**
 * The verdict against issue #14 §3's targets: no failed request, no 5xx, every minute's p99 at
 * most twice the first minute's, and the Node and JVM RSS within ±10 % after the warm-up (the
 * first `warmupMinutes`; each later minute's mean against the first minute after it).
 */
export function soakVerdict(rows: readonly MinuteRow[], samples: readonly RssSample[], warmupMinutes: number): Check[] {
  const errors = rows.reduce((s, r) => s + r.errors, 0);
  const fiveXX = rows.reduce((s, r) => s + r.fiveXX, 0);
  const requests = rows.reduce((s, r) => s + r.requests, 0);
  const first = rows[0]?.p99 ?? NaN;
  const later = rows.slice(1);
  // A minute with no answer at all is the worst there is; otherwise the highest p99.
  const worst = later.find((r) => !Number.isFinite(r.p99)) ?? later.reduce<MinuteRow | undefined>((w, r) => (w === undefined || r.p99 > w.p99 ? r : w), undefined);
  const p99Met = Number.isFinite(first) && later.length > 0 && later.every((r) => Number.isFinite(r.p99) && r.p99 <= 2 * first);
  const p99Measured =
    worst === undefined
      ? 'a single minute: nothing to compare'
      : `minute 1: ${first.toFixed(0)} ms; highest later: ${Number.isFinite(worst.p99) ? `${worst.p99.toFixed(0)} ms in minute ${worst.minute} (${(worst.p99 / first).toFixed(2)}×)` : `none answered in minute ${worst.minute}`}`;
  return [
    { target: '0 errors', measured: `${errors} of ${requests} requests`, met: errors === 0 && requests > 0 },
    { target: '0 5xx (HTTP 5xx, or a GraphQL error of a 5xx code: INTERNAL, SERVICE_UNAVAILABLE)', measured: `${fiveXX}`, met: fiveXX === 0 && requests > 0 },
    { target: 'p99 of every minute ≤ 2× the first minute’s', measured: p99Measured, met: p99Met },
    rssCheck('Node (API process)', rows, samples, (r) => r.nodeRssMb, (s) => s.nodeKb, warmupMinutes),
    rssCheck('JVM (Neo4j process)', rows, samples, (r) => r.jvmRssMb, (s) => s.jvmKb, warmupMinutes),
  ];
}
