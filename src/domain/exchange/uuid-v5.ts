import { createHash } from 'node:crypto';

/**
 * The namespace of every name-based UUID this project derives (RFC 9562 §5.5). Generated once,
 * at random, for breach-impact; it must never change, or every exported STIX id changes with it.
 */
export const BREACH_IMPACT_NAMESPACE = '6f1c2a9e-4b7d-4c3a-9e58-2d0b7f4a1c63';

/**
 * The UUID version 5 (SHA-1, name-based) of `name` in `namespace`: the same name always gives
 * the same UUID, so a re-export of the same record has the same STIX ids. Written here (a dozen
 * lines over node:crypto) rather than taken from the `uuid` package, which is only a transitive
 * dependency of this project.
 */
export function uuidV5(name: string, namespace: string = BREACH_IMPACT_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
