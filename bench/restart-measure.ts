/**
 * Issue #14 §3, Neo4j restarted under load, as one measurement: clients keep sending GraphQL
 * operations to a running API while Neo4j is killed (SIGKILL) and started again on the same store
 * and port, and every request's outcome is kept. The fault test (`test/faults/`) asserts on the
 * outcomes (no request hangs, every failure is SERVICE_UNAVAILABLE); the benchmark
 * (`bench/restart.ts`, `npm run bench:restart`) repeats it on a quiet machine and judges the
 * figures against the 5 s. Both use this function, so the figure the benchmark reports is
 * the one the test prints.
 */

/** The operations the clients send (an ANALYST's): the catalogue, a stored impact, one organisation. */
export const RESTART_OPERATIONS: readonly string[] = [
  '{ breaches { id } }',
  '{ breachImpact(breachId: "breach-almerys-2024") { referenceDate totals { people contracts } } }',
  '{ organization(id: "org-alan") { id name } }',
];
/** Clients sending at once. */
export const RESTART_CLIENTS = 4;
/** The API's request deadline (NEO4J_QUERY_TIMEOUT_MS) in the test and the benchmark. */
export const RESTART_DEADLINE_MS = 10_000;

/** One request's outcome, stamped on this process's clock (`performance.now()`, ms). */
export interface RestartOutcome {
  client: number;
  startedAt: number;
  endedAt: number;
  /** 'ok', an error code, 'NO_CODE', 'HUNG' when no answer came within `hungMs`, or `HTTP_FAILED <why>`. */
  result: string;
}

/** What one restart measured; times in seconds from Neo4j's ready line unless said otherwise. */
export interface RestartMeasure {
  outcomes: RestartOutcome[];
  /** Requests that were under way at some point between the kill and Neo4j's ready line. */
  duringOutage: RestartOutcome[];
  /** The first data any request got after the ready line (often one already waiting, retried). */
  firstDataS: number;
  /** The first data a request sent after the ready line got: the service is back. */
  serviceBackS: number;
  /** When `reachable` first said yes after the ready line (a ping, no request involved); NaN if never seen. */
  driverBackS: number;
  /** The outage, from the kill to the ready line. */
  outageS: number;
  /** The slowest request of the whole measurement. */
  slowestS: number;
  /** Requests answered after `deadlineMs`. */
  late: number;
  /** The distinct results seen, sorted. */
  codes: string[];
}

/** What {@link measureRestart} drives. */
export interface RestartArgs {
  /** The API's base URL (without /graphql). */
  url: string;
  bearer: string;
  clients: number;
  /** GraphQL documents, sent in turn by each client. */
  operations: readonly string[];
  /** Kills Neo4j (SIGKILL); resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts Neo4j again on the same store and port; resolves at its ready line. */
  start(): Promise<void>;
  /** Whether a driver reaches Neo4j, the API's own where it can (for `driverBackS` only). */
  reachable(): Promise<boolean>;
  /** The API's request deadline (NEO4J_QUERY_TIMEOUT_MS), to count late answers. */
  deadlineMs: number;
  /** A request unanswered this long has hung. */
  hungMs: number;
}

/** Pause between a client's requests, so that a fast failure loop does not flood a busy machine. */
const PACE_MS = 100;

async function send(url: string, bearer: string, query: string, hungMs: number): Promise<string> {
  try {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query }), signal: AbortSignal.timeout(hungMs) });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    return body.errors ? (body.errors[0].extensions?.code ?? 'NO_CODE') : 'ok';
  } catch (e) {
    return (e as Error).name === 'TimeoutError' ? 'HUNG' : `HTTP_FAILED ${(e as Error).message}`;
  }
}

/**
 * Runs `clients` request loops until every client has had data, kills Neo4j, waits until every
 * client has seen the outage (two failed requests sent after the kill each, not a sleep), starts
 * Neo4j again, waits until every client has had data from a request sent after the ready line,
 * then stops the clients and returns what happened. Never times out by itself: a request that
 * hangs ends at `hungMs` and is reported as HUNG.
 */
export async function measureRestart(args: RestartArgs): Promise<RestartMeasure> {
  const outcomes: RestartOutcome[] = [];
  let stop = false;
  let killedAt = Infinity;
  let backAt = Infinity;
  let pingAt = NaN;
  const ids = Array.from({ length: args.clients }, (_, id) => id);
  const client = async (id: number) => {
    for (let i = 0; !stop; i++) {
      const startedAt = performance.now();
      const result = await send(args.url, args.bearer, args.operations[(i + id) % args.operations.length], args.hungMs);
      outcomes.push({ client: id, startedAt, endedAt: performance.now(), result });
      await new Promise((r) => setTimeout(r, PACE_MS));
    }
  };
  // Resolves once `predicate` holds over the outcomes so far (checked as they come).
  const until = async (predicate: () => boolean) => {
    while (!predicate()) await new Promise((r) => setTimeout(r, 50));
  };
  const running = ids.map((id) => client(id));
  try {
    await until(() => ids.every((id) => outcomes.some((o) => o.client === id && o.result === 'ok')));
    killedAt = performance.now();
    await args.kill();
    await until(() => ids.every((id) => outcomes.filter((o) => o.client === id && o.startedAt > killedAt && o.result !== 'ok').length >= 2));
    await args.start();
    backAt = performance.now();
    void (async () => {
      while (!stop && !(await args.reachable().catch(() => false))) await new Promise((r) => setTimeout(r, 100));
      if (!stop) pingAt = performance.now();
    })();
    await until(() => ids.every((id) => outcomes.some((o) => o.client === id && o.startedAt > backAt && o.result === 'ok')));
  } finally {
    stop = true;
    await Promise.all(running);
  }
  const s = (ms: number) => ms / 1000;
  return {
    outcomes,
    duringOutage: outcomes.filter((o) => o.endedAt > killedAt && o.startedAt < backAt),
    firstDataS: s(Math.min(...outcomes.filter((o) => o.endedAt > backAt && o.result === 'ok').map((o) => o.endedAt)) - backAt),
    serviceBackS: s(Math.min(...outcomes.filter((o) => o.startedAt > backAt && o.result === 'ok').map((o) => o.endedAt)) - backAt),
    driverBackS: s(pingAt - backAt),
    outageS: s(backAt - killedAt),
    slowestS: s(Math.max(...outcomes.map((o) => o.endedAt - o.startedAt))),
    late: outcomes.filter((o) => o.endedAt - o.startedAt > args.deadlineMs).length,
    codes: [...new Set(outcomes.map((o) => o.result))].sort(),
  };
}

/** One line for a log: what a restart measured. */
export function describeRestart(m: RestartMeasure, deadlineMs: number): string {
  return `${m.outcomes.length} requests, ${m.duringOutage.length} during the outage (${m.codes.join(', ')}); first data ${m.firstDataS.toFixed(1)} s after Neo4j reported ready, service back (data for a request sent after that) ${m.serviceBackS.toFixed(1)} s (Neo4j answered a ping after ${m.driverBackS.toFixed(1)} s); slowest request ${m.slowestS.toFixed(1)} s (deadline ${deadlineMs / 1000} s; ${m.late} answered after it)`;
}
