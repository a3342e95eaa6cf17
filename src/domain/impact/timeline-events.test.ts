import { countsOn, dayBefore, groupKey, monthBuckets, presentKeys, type Pair } from './timeline-events';

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

test('buckets rewritten from a month on, starting from the counts before it, equal the buckets of all events', () => {
  const gk = groupKey('total', '');
  const all = new Map([[gk, new Map<string, Pair>([['2024-01-05', [2, 1]], ['2024-02-10', [1, 1]], ['2024-03-01', [-1, -1]]])]]);
  const whole = monthBuckets(all);
  const start = countsOn(whole[0], '9999-12-31');
  const later = new Map([[gk, new Map<string, Pair>([['2024-02-10', [1, 1]], ['2024-03-01', [-1, -1]]])]]);
  expect(monthBuckets(later, start)).toEqual(whole.slice(1));
});

test('a count going negative is refused: the events do not describe counts', () => {
  const gk = groupKey('operator', 'org-x');
  expect(() => monthBuckets(new Map([[gk, new Map<string, Pair>([['2024-01-05', [-1, 0]]])]]))).toThrow(/negative: operator org-x on 2024-01-05/);
});

test('presence: a presence group is present while it counts someone; count groups are never presence', () => {
  const values = new Map<string, Pair>([
    [groupKey('operatorInsurer', 'op|ins-a'), [2, 0]],
    [groupKey('operatorInsurer', 'op|ins-b'), [0, 0]],
    [groupKey('route', 'f|s|net'), [1, 0]],
    [groupKey('operator', 'op'), [5, 3]],
  ]);
  expect(presentKeys(values)).toEqual([groupKey('operatorInsurer', 'op|ins-a'), groupKey('route', 'f|s|net')]);
});

test('the day before crosses months, years and leap days', () => {
  expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  expect(dayBefore('2024-01-01')).toBe('2023-12-31');
  expect(dayBefore('9999-12-31')).toBe('9999-12-30');
});
