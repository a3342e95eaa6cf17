import { createHmac } from 'node:crypto';
import { validateNir } from './nir';

/**
 * There are only about 10^11 plausible NIRs, so anyone holding a weak key could hash them all and
 * reverse every pseudonym. RFC 2104 discourages HMAC keys shorter than the hash output, which is
 * 32 bytes for SHA-256.
 */
const MIN_KEY_BYTES = 32;

/**
 * Checks that `key` can serve as a pseudonymisation key: a Buffer of at least 32 bytes, or a
 * string whose UTF-8 encoding has at least 32 bytes (a string is used as its UTF-8 bytes, not
 * decoded from hex or base64, so a 64-character hex string counts as 64 bytes). Throws a plain
 * Error otherwise (a configuration fault, not a user-input one, so the API masks it as INTERNAL);
 * the message gives the length found but never the key.
 */
export function assertPseudonymKey(key: unknown): asserts key is Buffer | string {
  let bytes: number;
  if (typeof key === 'string') bytes = Buffer.byteLength(key, 'utf8');
  else if (Buffer.isBuffer(key)) bytes = key.length;
  else throw new Error('The pseudonymisation key must be a Buffer or a string.');
  if (bytes < MIN_KEY_BYTES) {
    throw new Error(`The pseudonymisation key must be at least ${MIN_KEY_BYTES} bytes long (it has ${bytes}).`);
  }
}

/**
 * Returns the stable pseudonym of a NIR under `key`: `'nir:'` followed by the lowercase hex
 * HMAC-SHA256 of the normalised NIR (as returned by `validateNir`), so the same person gets the
 * same pseudonym however the number was typed (spaces, dots, dashes, lowercase 2a/2b), and a
 * different key gives unrelated pseudonyms. The key is checked first with `assertPseudonymKey`
 * (plain Error), then the NIR with `validateNir` (BAD_USER_INPUT AppError whose message only
 * carries the masked NIR).
 */
export function pseudonymizeNir(nir: string, key: Buffer | string): string {
  // The key is checked before the input so a misconfigured server fails on every call, not only
  // on those that happen to carry a valid NIR.
  assertPseudonymKey(key);
  const normalised = validateNir(nir);
  return `nir:${createHmac('sha256', key).update(normalised, 'utf8').digest('hex')}`;
}
