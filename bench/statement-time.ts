import type { StatementTiming } from '../src/db/executor';

/** Where a measured operation's time went: one line per statement name, slowest first. */
export interface StatementTime {
  query: string;
  /** How many times it ran. */
  count: number;
  /** Their summed duration, ms. */
  ms: number;
}

/**
 * Sums timings by statement name and keeps the `top` slowest in total (the rest are left out:
 * the breakdown is there to say where the time went, not to list every statement).
 */
export function slowestStatements(timings: readonly StatementTiming[], top = 5): StatementTime[] {
  const by = new Map<string, StatementTime>();
  for (const t of timings) {
    const s = by.get(t.query) ?? { query: t.query, count: 0, ms: 0 };
    s.count += 1;
    s.ms += t.ms;
    by.set(t.query, s);
  }
  return [...by.values()].sort((a, b) => b.ms - a.ms || a.query.localeCompare(b.query)).slice(0, top);
}

/** "name ×n 123 ms, …" for the bench log and report. */
export function describeStatements(statements: readonly StatementTime[] | undefined): string {
  if (!statements || statements.length === 0) return '–';
  // A mean over several runs may be a fraction of a count (a statement some runs did not make).
  return statements.map((s) => `${s.query}${s.count !== 1 ? ` ×${Number.isInteger(s.count) ? s.count : s.count.toFixed(1)}` : ''} ${s.ms.toFixed(0)} ms`).join(', ');
}
