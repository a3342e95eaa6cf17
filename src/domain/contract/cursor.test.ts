import { cursorKey, decodeCursor, encodeCursor } from './cursor';

const key = cursorKey(Buffer.from('unit-test-pseudonym-key-0123456789abcdef'));

test('a cursor round-trips and hides its contract id', () => {
  const cursor = encodeCursor('syn-contract-alan-0001', key);
  expect(decodeCursor(cursor, key)).toBe('syn-contract-alan-0001');
  expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain('syn-contract');
  // A random IV: the same id never gives the same cursor twice.
  expect(encodeCursor('syn-contract-alan-0001', key)).not.toBe(cursor);
});

test('a tampered, truncated, foreign-key or old-format cursor is BAD_USER_INPUT', () => {
  const cursor = encodeCursor('syn-contract-alan-0001', key);
  const flipped = cursor.slice(0, 20) + (cursor[20] === 'A' ? 'B' : 'A') + cursor.slice(21);
  const other = cursorKey('another-pseudonym-key-0123456789abcdef-xx');
  for (const bad of [flipped, cursor.slice(0, 30), encodeCursor('syn-contract-alan-0001', other), Buffer.from('contract:syn-contract-alan-0001').toString('base64url'), '', '!!']) {
    expect(() => decodeCursor(bad, key)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  }
  expect(decodeCursor(null, key)).toBeNull();
});
