import { createHmac } from 'node:crypto';
import { AppError } from '../errors/app-error';
import { syntheticNir } from './nir';
import { assertPseudonymKey, pseudonymizeNir } from './pseudonym';

// Fixed test keys, not secrets: pseudonyms must be reproducible in these tests.
const KEY_A = Buffer.alloc(32, 0xa5);
const KEY_B = Buffer.alloc(32, 0x5a);
const NIR = '295109912611193';

describe('pseudonymizeNir', () => {
  test('is "nir:" followed by the lowercase hex HMAC-SHA256 of the normalised NIR', () => {
    const expected = `nir:${createHmac('sha256', KEY_A).update(NIR).digest('hex')}`;
    expect(pseudonymizeNir(NIR, KEY_A)).toBe(expected);
    expect(pseudonymizeNir(NIR, KEY_A)).toMatch(/^nir:[0-9a-f]{64}$/);
  });

  test('is stable for the same key and NIR', () => {
    expect(pseudonymizeNir(NIR, KEY_A)).toBe(pseudonymizeNir(NIR, Buffer.from(KEY_A)));
  });

  test('differs across HMAC keys', () => {
    expect(pseudonymizeNir(NIR, KEY_A)).not.toBe(pseudonymizeNir(NIR, KEY_B));
  });

  test('a string key is used as its UTF-8 bytes', () => {
    const key = 'k'.repeat(32);
    expect(pseudonymizeNir(NIR, key)).toBe(pseudonymizeNir(NIR, Buffer.from(key, 'utf8')));
  });

  test.each(['2 95 10 99 126 111 93', '2-95-10-99-126-111-93', '2.95.10.99.126.111.93', ' 295109912611193\n'])(
    'ignores formatting: %j gives the same pseudonym',
    (formatted) => {
      expect(pseudonymizeNir(formatted, KEY_A)).toBe(pseudonymizeNir(NIR, KEY_A));
    },
  );

  test('ignores the case of 2A/2B', () => {
    expect(pseudonymizeNir('2 53 07 2b 073 004 70', KEY_A)).toBe(pseudonymizeNir('253072B07300470', KEY_A));
  });

  test('different NIRs get different pseudonyms', () => {
    const nirs = Array.from({ length: 200 }, (_, i) => syntheticNir(`syn-person-${String(i).padStart(5, '0')}`));
    expect(new Set(nirs.map((n) => pseudonymizeNir(n, KEY_A))).size).toBe(nirs.length);
  });

  test('refuses an invalid NIR with a masked BAD_USER_INPUT', () => {
    let caught: unknown;
    try {
      pseudonymizeNir('2 95 10 99 126 111 94', KEY_A);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.argument).toBe('nir');
    for (const text of [error.message, JSON.stringify(error)]) {
      expect(text).not.toContain('295109912611194');
      expect(text).not.toContain('2 95 10 99 126 111 94');
      expect(text).toContain('2…94');
    }
  });

  test('checks the key before the NIR', () => {
    expect(() => pseudonymizeNir('not a nir', Buffer.alloc(8))).toThrow(/at least 32 bytes/);
  });
});

describe('assertPseudonymKey', () => {
  test('accepts keys of 32 bytes or more', () => {
    expect(() => assertPseudonymKey(Buffer.alloc(32))).not.toThrow();
    expect(() => assertPseudonymKey(Buffer.alloc(64))).not.toThrow();
    expect(() => assertPseudonymKey('x'.repeat(32))).not.toThrow();
  });

  test('counts a string key in UTF-8 bytes, not characters', () => {
    expect(() => assertPseudonymKey('é'.repeat(16))).not.toThrow();
    expect(() => assertPseudonymKey('é'.repeat(15) + 'e')).toThrow(/it has 31/);
  });

  test('refuses shorter keys with a plain Error that does not quote the key', () => {
    const secret = 'short-secret-value';
    let caught: unknown;
    try {
      assertPseudonymKey(secret);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(AppError);
    expect((caught as Error).message).toMatch(/at least 32 bytes/);
    expect((caught as Error).message).not.toContain(secret);
    expect(() => assertPseudonymKey(Buffer.alloc(31))).toThrow(/it has 31/);
    expect(() => assertPseudonymKey('')).toThrow(/it has 0/);
  });

  test('refuses values that are neither a Buffer nor a string', () => {
    expect(() => assertPseudonymKey(undefined)).toThrow(/Buffer or a string/);
    expect(() => assertPseudonymKey(12345)).toThrow(/Buffer or a string/);
  });
});
