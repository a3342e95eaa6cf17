/** An inclusive range of ISO dates (YYYY-MM-DD). */
export interface DateWindow {
  from: string;
  to: string;
}

/** The contracts whose count may differ between two dates: started within a start window, or ended within an end window. */
export interface DateWindows {
  startWindows: DateWindow[];
  endWindows: DateWindow[];
}

/** `iso` moved by `months` months and `days` days, in UTC (a month past a shorter month's end rolls forward, as Date does). */
export function shift(iso: string, months: number, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d + days)).toISOString().slice(0, 10);
}

/**
 * The contracts whose reach on the same paths may differ between dates `a` and `b`: the parts of
 * cypher/reach/contract-reached that read the reference date d are `c.startDate <= d` and, for a
 * path with a known retention R, `c.endDate + R months >= d` (an ended contract still held); the
 * others (operator, population cut-off, the flow's window) do not depend on d. So between lo and
 * hi (a and b in order) only contracts started within [lo, hi], or ended within
 * [lo − R months, hi − R months] for some R in `retentionMonths`, can count differently. The
 * windows are widened by 4 days, since Neo4j clamps a month shift to the month's last day (a
 * superset is harmless: everyone in it is counted on both dates). Unknown retention (null) means
 * held whatever the date, so it adds no window. Throws RangeError, showing the value, on a date
 * that is not YYYY-MM-DD or a retention that is not a non-negative integer.
 */
export function changeWindows(a: string, b: string, retentionMonths: ReadonlyArray<number | null>): DateWindows {
  for (const v of [a, b]) if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new RangeError(`a date must be YYYY-MM-DD, got ${JSON.stringify(v)}`);
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  const months = [...new Set(retentionMonths.filter((r): r is number => r !== null))].sort((x, y) => x - y);
  for (const r of months) if (!Number.isInteger(r) || r < 0) throw new RangeError(`a retention must be a whole number of months, got ${JSON.stringify(r)}`);
  return {
    startWindows: [{ from: lo, to: hi }],
    endWindows: months.map((r) => ({ from: shift(lo, -r, -4), to: shift(hi, -r, 4) })),
  };
}
