import { deadlineAfter } from '../../db/deadline';
import { commitTimeoutMs } from './audit-appender';

/** The group commit's timeout, from the deadlines of the requests it serves (issue #14 §3: no request waits past its deadline). */
describe('commitTimeoutMs', () => {
  let now = 0;
  const clock = () => now;

  test('what is left of the latest deadline of the batch (less the answer\'s reserve), in whole milliseconds', () => {
    now = 0;
    const soon = deadlineAfter(1_000, clock);
    const later = deadlineAfter(15_000, clock);
    now = 400.2;
    // 15 s less its 750 ms reserve, 400.2 ms on.
    expect(commitTimeoutMs([soon, later])).toBe(13_850);
    expect(commitTimeoutMs([later, soon])).toBe(13_850);
  });

  test('one record without a deadline (an export) leaves the executor its own timeout', () => {
    expect(commitTimeoutMs([deadlineAfter(1_000, clock), undefined])).toBeUndefined();
  });

  test('when every deadline has passed the commit must not start: SERVICE_UNAVAILABLE, naming the deadline', () => {
    now = 0;
    const a = deadlineAfter(1_000, clock);
    const b = deadlineAfter(2_000, clock);
    now = 2_000;
    expect(() => commitTimeoutMs([a, b])).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/deadline \(2 s/) }));
  });
});
