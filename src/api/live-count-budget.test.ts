import { LiveCountBudget, liveCountCaller } from './live-count-budget';

/** Issue #10 §4: a per-caller budget of live counts, a sliding window on an injected clock. */
test('a budget of N: the N+1th live count in the window is QUERY_TOO_COMPLEX, with when to retry', () => {
  let now = 0;
  const budget = new LiveCountBudget({ limit: 3, windowMs: 60_000, clock: () => now });
  budget.take('a', 2);
  now = 10_000;
  budget.take('a', 1);
  expect(() => budget.take('a', 1)).toThrow(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', extensions: expect.objectContaining({ retryAfterSeconds: 50 }) }));
  // Another caller is not affected.
  budget.take('b', 3);
  // At 60 s the first two leave the window; the refused attempt spent nothing.
  now = 60_001;
  budget.take('a', 2);
  expect(() => budget.take('a', 1)).toThrow(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }));
});

test('a request asking more than the whole limit is refused and told to wait a window', () => {
  const budget = new LiveCountBudget({ limit: 3, windowMs: 60_000, clock: () => 0 });
  expect(() => budget.take('a', 4)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ retryAfterSeconds: 60 }) }));
  budget.take('a', 3);
});

test('a limit of 0 refuses every live count; callers are told apart by subject', () => {
  const budget = new LiveCountBudget({ limit: 0, windowMs: 60_000, clock: () => 0 });
  expect(() => budget.take('a', 1)).toThrow(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }));
  budget.take('a', 0);
  expect(liveCountCaller({ kind: 'user', subject: 's1', role: 'ANALYST', orgId: null })).not.toBe(liveCountCaller({ kind: 'user', subject: 's2', role: 'ANALYST', orgId: null }));
  expect(liveCountCaller({ kind: 'anonymous' })).toBe('anonymous');
});
