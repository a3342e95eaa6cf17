import { statementsOfServerTiming } from '../src/api/server/server-timing';
import { percentile } from './percentile';
import { slowestStatements, StatementTime } from './statement-time';

/** One case of `breachImpact` on one date, measured one request at a time. */
export interface AsOfCase {
  id: string;
  role: 'REGULATOR' | 'INSURER';
  /** null: the breach's own reference date (the maintained summary). */
  asOf: string | null;
  /** Single-request latencies in seconds, warm-up excluded; empty when every request failed. */
  seconds: number[];
  p50Seconds?: number;
  roundTrips: number | null;
  /** The first failure's code and message, when a request did not answer. */
  error?: string;
  /** The last timed request's slowest statements, from the server's Server-Timing header. */
  statements?: StatementTime[];
}

const SUMMARY = `query AsOf($breachId: ID!, $asOf: LocalDate) { breachImpact(breachId: $breachId, asOf: $asOf) {
  referenceDate totals { people contracts insurers }
  byInsurer { insurer { id name } people contracts }
  byPartner { partner { id name } role people contracts insurers }
  byCategory { category { id name } people contracts } } }`;

/** Dates other than the Viamedis reference date: one inside the breach's window, one long before. */
export const AS_OF_DATES = { regulator: '2024-02-01', insurer: '2023-06-17' } as const;

/**
 * Issue #12 §3 and §5: `breachImpact` on a date other than the reference date, as REGULATOR
 * (every tenant) and as one INSURER, against the same query on the reference date. Requests go one
 * at a time (a live count is a heavy statement; under autocannon they would only queue behind
 * each other), to a server of ours started for this with a long statement deadline and no
 * live-count budget, so a slow answer is timed rather than cut off. A failed request is recorded
 * with its error and ends that case; it never ends the run.
 */
export async function measureAsOf(opts: { url: string; tokens: { regulator: string; insurer: string }; breachId: string; runs: number; log: (m: string) => void }): Promise<AsOfCase[]> {
  const cases: Array<Omit<AsOfCase, 'seconds' | 'roundTrips'>> = [
    { id: 'regulator-reference', role: 'REGULATOR', asOf: null },
    { id: `regulator-${AS_OF_DATES.regulator}`, role: 'REGULATOR', asOf: AS_OF_DATES.regulator },
    { id: 'insurer-reference', role: 'INSURER', asOf: null },
    { id: `insurer-${AS_OF_DATES.insurer}`, role: 'INSURER', asOf: AS_OF_DATES.insurer },
  ];
  const out: AsOfCase[] = [];
  for (const c of cases) {
    const token = c.role === 'REGULATOR' ? opts.tokens.regulator : opts.tokens.insurer;
    const result: AsOfCase = { ...c, seconds: [], roundTrips: null };
    // One warm-up request (plans, page cache), then `runs` timed ones.
    for (let i = 0; i <= opts.runs; i += 1) {
      const started = performance.now();
      try {
        const res = await fetch(opts.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: SUMMARY, variables: { breachId: opts.breachId, asOf: c.asOf } }) });
        const body = (await res.json()) as { data?: { breachImpact?: { totals?: unknown } }; errors?: Array<{ message: string; extensions?: { code?: string } }> };
        const took = (performance.now() - started) / 1000;
        if (body.errors?.length || !body.data?.breachImpact?.totals) {
          const e = body.errors?.[0];
          result.error = `${e?.extensions?.code ?? `HTTP ${res.status}`}: ${e?.message ?? 'no data'} (after ${took.toFixed(1)} s)`;
          break;
        }
        if (i > 0) result.seconds.push(took);
        result.roundTrips = Number(res.headers.get('x-cypher-round-trips'));
        result.statements = slowestStatements(statementsOfServerTiming(res.headers.get('server-timing')));
      } catch (e) {
        result.error = `${(e as Error).message} (after ${((performance.now() - started) / 1000).toFixed(1)} s)`;
        break;
      }
    }
    if (result.seconds.length > 0) result.p50Seconds = percentile([...result.seconds].sort((a, b) => a - b), 50);
    opts.log(`breachImpact ${c.id.padEnd(22)} ${result.p50Seconds === undefined ? 'no answer' : `p50 ${result.p50Seconds.toFixed(3)} s of ${result.seconds.length}`}, ${result.roundTrips ?? '–'} round trips${result.error ? `; FAILED ${result.error}` : ''}`);
    out.push(result);
  }
  return out;
}
