import { answerReserveMs, deadlineAfter, statementTimeoutMs } from './deadline';

/** Issue #10 §4: one deadline per request; each statement gets what is left of it. No timing: an injected clock. */
test('each statement is sent with what is left of the request deadline, not a fresh timeout', () => {
  let now = 100;
  const deadline = deadlineAfter(15_000, () => now);
  // 750 ms (5 %) of the 15 s are kept for the answer after the last statement.
  expect(statementTimeoutMs(deadline)).toBe(14_250);
  now += 9_999.5;
  expect(statementTimeoutMs(deadline)).toBe(4_251);
  now += 4_250;
  // Half a millisecond left is still a (1 ms) timeout, never 0, which the server reads as "none".
  expect(statementTimeoutMs(deadline)).toBe(1);
});

test('once the deadline has passed, the next statement is refused with SERVICE_UNAVAILABLE', () => {
  let now = 0;
  const deadline = deadlineAfter(15_000, () => now);
  now = 15_000;
  expect(() => statementTimeoutMs(deadline)).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/deadline/) }));
  // Already inside the answer's reserve: no statement starts, though the request has 250 ms left.
  now = 14_750;
  expect(() => statementTimeoutMs(deadline)).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }));
  now = 1e9;
  expect(() => statementTimeoutMs(deadline)).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }));
});

test('allow widens the allowance from the request start, never shortens it, and the message names the wider one', () => {
  let now = 0;
  const deadline = deadlineAfter(15_000, () => now);
  now = 20_000;
  expect(() => statementTimeoutMs(deadline)).toThrow(expect.objectContaining({ message: expect.stringMatching(/15 s/) }));
  deadline.allow(60_000);
  // The reserve follows the allowance: 1 s (the cap) of 60 s.
  expect(statementTimeoutMs(deadline)).toBe(39_000);
  deadline.allow(5_000);
  expect(deadline.totalMs).toBe(60_000);
  now = 59_000;
  expect(() => statementTimeoutMs(deadline)).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/60 s/) }));
});

test('the answer keeps 5 % of the allowance, at most 1 s, for its own work after the last statement', () => {
  expect(answerReserveMs(10_000)).toBe(500);
  expect(answerReserveMs(15_000)).toBe(750);
  expect(answerReserveMs(60_000)).toBe(1_000);
  expect(answerReserveMs(1_000)).toBe(50);
});
