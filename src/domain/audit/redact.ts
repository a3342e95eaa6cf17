/** Arguments that hold a person's identifier, whatever their value: always replaced. */
const IDENTIFIER_ARGS = new Set(['nir', 'iban', 'siret', 'finess']);
/**
 * Arguments that hold a cursor: always replaced by {@link CURSOR_MARKER}. A cursor stands for a row
 * the trail's reader (a regulator) may not see, and a forged one can carry anything, NIRs included.
 */
const CURSOR_ARGS = new Set(['after', 'before', 'cursor']);
/** What the trail stores in place of a cursor argument. */
export const CURSOR_MARKER = '<cursor>';
/** Anything shaped like a NIR (13 digits or 2A/2B, then a 2-digit key) anywhere in a string. */
const NIR_LIKE = /[12378]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2A|2B)\s?\d{3}\s?\d{3}\s?\d{2}/gi;

/**
 * Returns arguments safe to store and log: identifier arguments become "[redacted]", cursor
 * arguments the cursor marker, and NIR-shaped text inside any other string is masked too, since
 * callers put ids in odd places.
 */
export function redactArguments(value: unknown, key = ''): unknown {
  if (IDENTIFIER_ARGS.has(key.toLowerCase()) && value !== null && value !== undefined) return '[redacted]';
  if (CURSOR_ARGS.has(key.toLowerCase()) && value !== null && value !== undefined) return CURSOR_MARKER;
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactArguments(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactArguments(v, k)]));
  }
  return value;
}

/** `text` with every NIR-shaped run masked. */
export function redactText(text: string): string {
  return text.replace(NIR_LIKE, '[redacted-nir]');
}
