import { deadlineAfter, statementTimeoutMs } from './deadline';

/** Issue #10 §4: one deadline per request; each statement gets what is left of it. No timing: an injected clock. */
test('each statement is sent with what is left of the request deadline, not a fresh timeout', () => {
  let now = 100;
  const deadline = deadlineAfter(15_000, () => now);
  expect(statementTimeoutMs(deadline)).toBe(15_000);
  now += 9_999.5;
  expect(statementTimeoutMs(deadline)).toBe(5_001);
  now += 5_000;
  // Half a millisecond left is still a (1 ms) timeout, never 0, which the server reads as "none".
  expect(statementTimeoutMs(deadline)).toBe(1);
});

test('once the deadline has passed, the next statement is refused with SERVICE_UNAVAILABLE', () => {
  let now = 0;
  const deadline = deadlineAfter(15_000, () => now);
  now = 15_000;
  expect(() => statementTimeoutMs(deadline)).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/deadline/) }));
  now = 1e9;
  expect(() => statementTimeoutMs(deadline)).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }));
});

test('allow widens the allowance from the request start, never shortens it, and the message names the wider one', () => {
  let now = 0;
  const deadline = deadlineAfter(15_000, () => now);
  now = 20_000;
  expect(() => statementTimeoutMs(deadline)).toThrow(expect.objectContaining({ message: expect.stringMatching(/15 s/) }));
  deadline.allow(60_000);
  expect(statementTimeoutMs(deadline)).toBe(40_000);
  deadline.allow(5_000);
  expect(deadline.totalMs).toBe(60_000);
  now = 60_000;
  expect(() => statementTimeoutMs(deadline)).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/60 s/) }));
});
