import crypto from 'node:crypto';

/**
 * Derives a 32-byte key for one purpose from a server secret (HKDF-SHA256, empty salt, `label` as
 * the info string). Distinct labels give independent keys, so one configured secret (the pseudonym
 * key) serves several purposes without a new secret to provision, and no derived key reveals the
 * secret or another derived key. Changing the secret changes every derived key.
 */
export function deriveKey(secret: Buffer | string, label: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), label, 32));
}
