/** Arguments that hold a person's identifier, whatever their value: always replaced. */
const IDENTIFIER_ARGS = new Set(['nir', 'iban', 'siret', 'finess']);
/** Anything shaped like a NIR (13 digits or 2A/2B, then a 2-digit key) anywhere in a string. */
const NIR_LIKE = /[12378]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2A|2B)\s?\d{3}\s?\d{3}\s?\d{2}/gi;

/**
 * Returns arguments safe to store and log: identifier arguments become "[redacted]", and
 * NIR-shaped text inside any other string is masked too, since callers put ids in odd places.
 */
export function redactArguments(value: unknown, key = ''): unknown {
  if (IDENTIFIER_ARGS.has(key.toLowerCase()) && value !== null && value !== undefined) return '[redacted]';
  if (typeof value === 'string') return value.replace(NIR_LIKE, '[redacted-nir]');
  if (Array.isArray(value)) return value.map((v) => redactArguments(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactArguments(v, k)]));
  }
  return value;
}
