import type { StatementTiming } from '../../db/executor';

/** Response header listing where an answer's time went, statement by statement (with ROUND_TRIPS_HEADER). */
export const SERVER_TIMING_HEADER = 'server-timing';

/** Statements named in one header at most: a long answer keeps its slowest, the rest summed. */
export const SERVER_TIMING_MAX = 30;

/**
 * The `Server-Timing` value (W3C Server Timing) of a request's statement timings: one metric per
 * statement, `c<n>;desc="<statement name>";dur=<ms>` in the order they ended (n counts from 1),
 * then `cypher;dur=<sum>`. Past `max` statements only the slowest `max` are listed (still in
 * their order) and `rest;desc="<k> more";dur=<their sum>` says what was left out. Statement
 * names come from cypher/ file names, so they are safe inside a quoted string; a name with a
 * quote or backslash would be dropped rather than escaped, so the header always parses. Never a
 * parameter value: this is what a browser's developer tools and the benchmark read.
 */
export function serverTimingOf(timings: readonly StatementTiming[], max = SERVER_TIMING_MAX): string {
  const ms = (v: number) => v.toFixed(1);
  const indexed = timings.map((t, i) => ({ ...t, n: i + 1 }));
  const kept = new Set([...indexed].sort((a, b) => b.ms - a.ms || a.n - b.n).slice(0, max).map((t) => t.n));
  const parts = indexed.filter((t) => kept.has(t.n)).map((t) => `c${t.n};desc="${/^[^"\\]*$/.test(t.query) ? t.query : 'statement'}";dur=${ms(t.ms)}`);
  const left = indexed.filter((t) => !kept.has(t.n));
  if (left.length > 0) parts.push(`rest;desc="${left.length} more";dur=${ms(left.reduce((s, t) => s + t.ms, 0))}`);
  parts.push(`cypher;dur=${ms(timings.reduce((s, t) => s + t.ms, 0))}`);
  return parts.join(', ');
}

/**
 * The statements of a `Server-Timing` value (the benchmark's side) written by {@link serverTimingOf}, in order
 * (`rest` and the `cypher` total left out). Metrics of another shape are skipped.
 */
export function statementsOfServerTiming(header: string | null): StatementTiming[] {
  if (header === null) return [];
  const out: StatementTiming[] = [];
  for (const metric of header.split(/,\s*/)) {
    const m = /^c\d+;desc="([^"]*)";dur=([0-9.]+)$/.exec(metric.trim());
    if (m) out.push({ query: m[1], ms: Number(m[2]) });
  }
  return out;
}
