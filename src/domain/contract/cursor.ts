import crypto from 'node:crypto';
import { badInput } from '../../errors/app-error';
import { deriveKey } from '../../identity/derive-key';

/** HKDF label of the cursor key: a new label (v2) invalidates every cursor handed out. */
const KEY_LABEL = 'breach-impact/affected-contracts-cursor/v1';
/** Bound into every cursor's tag, so a ciphertext made for another purpose never decodes here. */
const AAD = Buffer.from('affectedContracts.after', 'utf8');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key of `affectedContracts` cursors, derived from the pseudonym key (see {@link deriveKey}):
 * no new secret, yet a cursor says nothing about the pseudonym key. Rotating the pseudonym key
 * invalidates outstanding cursors (clients start again from the first page).
 */
export function cursorKey(pseudonymKey: Buffer | string): Buffer {
  return deriveKey(pseudonymKey, KEY_LABEL);
}

/**
 * Encodes a contract id as a cursor opaque to everyone but the server: AES-256-GCM under `key`
 * with a random IV, base64url of IV ‖ tag ‖ ciphertext. Nobody can read the id out of it (the
 * audit's readers included), and nobody can make or alter one that {@link decodeCursor} accepts.
 */
export function encodeCursor(contractId: string, key: Buffer): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(contractId, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} with the same key; anything else (forged,
 * tampered, truncated, from another key) is BAD_USER_INPUT naming it.
 */
export function decodeCursor(cursor: string | null | undefined, key: Buffer): string | null {
  if (cursor === null || cursor === undefined) return null;
  const id = cursor.length <= 400 && /^[A-Za-z0-9_-]+$/.test(cursor) ? open(Buffer.from(cursor, 'base64url'), key) : null;
  if (id === null || id === '') {
    throw badInput('after', cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor, 'not a cursor returned by affectedContracts (use pageInfo.endCursor)');
  }
  return id;
}

/** The plaintext of a sealed cursor, or null when it does not authenticate. */
function open(raw: Buffer, key: Buffer): string | null {
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(AAD);
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // A failed tag check is the expected answer to a forged cursor, not a fault.
    return null;
  }
}
