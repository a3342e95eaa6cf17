import { countsOn, dayBefore, groupKey, monthBuckets, presenceTransitions, presentOn, type Pair } from './timeline-events';

/** Counts of one group, day by day, summed from events the slow way: what the buckets must give back. */
function naive(events: Map<string, Pair>, day: string): Pair {
  let p = 0;
  let c = 0;
  for (const [d, [dp, dc]] of events) if (d <= day) [p, c] = [p + dp, c + dc];
  return [p, c];
}

test('month buckets give back the prefix sums of the events on every day, whatever month a day falls in', () => {
  const total = new Map<string, Pair>([
    ['2024-01-05', [2, 1]],
    ['2024-01-20', [-1, 0]],
    ['2024-03-01', [3, 2]],
    ['2024-03-31', [-4, -3]],
  ]);
  const op = new Map<string, Pair>([['2024-01-20', [1, 1]]]);
  const counts = new Map([
    [groupKey('total', ''), total],
    [groupKey('operator', 'org-x'), op],
  ]);
  const buckets = monthBuckets(counts);
  expect(buckets.map((b) => b.month)).toEqual(['2024-01', '2024-03']);
  expect(buckets[1].base).toEqual({ [groupKey('total', '')]: [1, 1], [groupKey('operator', 'org-x')]: [1, 1] });
  for (const day of ['2023-12-31', '2024-01-05', '2024-01-19', '2024-01-20', '2024-02-15', '2024-03-01', '2024-03-30', '2024-03-31', '2025-01-01']) {
    const month = day.slice(0, 7);
    const bucket = [...buckets].reverse().find((b) => b.month <= month) ?? null;
    const got = countsOn(bucket, day);
    expect({ day, total: got.get(groupKey('total', '')) ?? [0, 0] }).toEqual({ day, total: naive(total, day) });
    expect({ day, op: got.get(groupKey('operator', 'org-x')) ?? [0, 0] }).toEqual({ day, op: naive(op, day) });
  }
});

test('presence: a group is present while the summed events are above 0, whichever chunk brought them', () => {
  // Two chunks present on overlapping intervals [01-10, 01-19] and [01-15, 01-31], then a third from 03-01 on.
  const events = new Map([
    ['2024-01-10', 1],
    ['2024-01-15', 1],
    ['2024-01-20', -1],
    ['2024-02-01', -1],
    ['2024-03-01', 1],
  ]);
  const t = presenceTransitions(events);
  expect(t).toEqual([
    ['2024-01-10', 1],
    ['2024-02-01', 0],
    ['2024-03-01', 1],
  ]);
  expect(['2024-01-09', '2024-01-10', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2030-01-01'].map((d) => presentOn(t, d))).toEqual([false, true, true, false, false, true, true]);
});

test('the day before crosses months, years and leap days', () => {
  expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  expect(dayBefore('2024-01-01')).toBe('2023-12-31');
  expect(dayBefore('9999-12-31')).toBe('9999-12-30');
});
