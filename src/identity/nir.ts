import { createHash } from 'node:crypto';
import { stdnum } from 'stdnum';
import { badInput } from '../errors/app-error';

/**
 * Separators people type or paste into a NIR: any whitespace (including the no-break spaces of
 * French number formatting), dots, and hyphen or dash characters.
 */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;

/** 13-character number (department may be 2A/2B, positions 6-7) followed by a 2-digit key. */
const NIR_SHAPE = /^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}$/;

/** 1 and 2 are the usual values; 3, 4, 7 and 8 appear on temporary numbers and on those of people born abroad. */
const SEX_DIGITS = '123478';

/**
 * Below this length, showing three characters would reveal too large a share of what was typed,
 * so the mask shows nothing at all.
 */
const MIN_MASKABLE_LENGTH = 8;

function normalise(input: string): string {
  return input.replace(SEPARATORS, '').toUpperCase();
}

/** INSEE lets the birth month be 20–42 or 50–99 when the real month is unknown. */
function isAllowedMonth(month: number): boolean {
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99);
}

/**
 * Masks anything that may be a NIR so that it can appear in an error message or a log: the
 * separators are removed, then only the first character and the last two are kept, around an
 * ellipsis ("2…93"). Values shorter than 8 characters (after normalisation), and non-strings,
 * become a bare "…", because three characters of them would be most of the value. Never throws.
 */
export function maskNir(input: unknown): string {
  if (typeof input !== 'string') return '…';
  const value = normalise(input);
  if (value.length < MIN_MASKABLE_LENGTH) return '…';
  return `${value.slice(0, 1)}…${value.slice(-2)}`;
}

/**
 * Something shaped like a NIR inside free text: a sex digit, then the 12 other digits of the
 * number (2A/2B allowed as the department) and the 2-digit key, with at most one separator
 * between the groups people type ("1 85 05 78 006 084 91", "1.85.05…"). Shape only: the key is
 * not checked, so a mistyped NIR is still found.
 */
const NIR_IN_TEXT = /[1-478][\s.\-\u2010-\u2015\u2212]?\d{2}[\s.\-\u2010-\u2015\u2212]?\d{2}[\s.\-\u2010-\u2015\u2212]?(?:\d{2}|2[AB])[\s.\-\u2010-\u2015\u2212]?\d{3}[\s.\-\u2010-\u2015\u2212]?\d{3}[\s.\-\u2010-\u2015\u2212]?\d{2}/giy;

/** Fewer digits than this cannot hold a NIR: most values are skipped without running the pattern. */
const MIN_NIR_DIGITS = 13;

function enoughDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length && digits < MIN_NIR_DIGITS; i += 1) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) digits += 1;
  return digits >= MIN_NIR_DIGITS;
}

/**
 * Replaces every NIR-shaped run in `text` (valid key or not) by its {@link maskNir} form, so a
 * message or a file built from user-supplied text can never carry a NIR in clear, whichever
 * column it was typed in. Other text is left as it was. Never throws.
 */
export function maskNirsIn(text: string): string {
  if (typeof text !== 'string' || !enoughDigits(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    NIR_IN_TEXT.lastIndex = i;
    const m = NIR_IN_TEXT.exec(text);
    if (m) {
      out += maskNir(m[0]);
      i += m[0].length;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/**
 * True when `text` holds a valid NIR (shape and key, as {@link validateNir} checks), alone or
 * inside other text, starting at any position: what an import refuses outside the `nir` column,
 * since anything there is stored in clear.
 */
export function containsValidNir(text: string): boolean {
  if (typeof text !== 'string' || !enoughDigits(text)) return false;
  for (let i = 0; i < text.length; i += 1) {
    NIR_IN_TEXT.lastIndex = i;
    const m = NIR_IN_TEXT.exec(text);
    if (!m) continue;
    try {
      validateNir(m[0]);
      return true;
    } catch {
      // A NIR-shaped run with a wrong key or an impossible month is not a NIR; keep looking.
    }
  }
  return false;
}

/**
 * Normalises and validates a French social-security number (NIR) and returns it as 15 uppercase
 * characters without separators. Spaces, dots and dashes are ignored and letters are uppercased;
 * the structure is then checked (sex digit 1, 2, 3, 4, 7 or 8; birth month 01–12, 20–42 or 50–99;
 * department 01–99, 2A or 2B, never 00) and the key strictly (97 − number mod 97, with 2A read
 * as 19 and 2B as 18, through `stdnum`'s `fr.nir`). On failure it throws a BAD_USER_INPUT
 * AppError for argument "nir" whose message and extensions carry only `maskNir(input)`, never the
 * number itself, and whose reason says which rule failed without quoting any part of the number.
 */
export function validateNir(input: string): string {
  const fail = (why: string) => badInput('nir', maskNir(input), why);
  if (typeof input !== 'string') throw fail('a NIR must be given as a string');
  const nir = normalise(input);
  if (nir.length !== 15) throw fail('a NIR has 15 characters (a 13-character number and a 2-digit key)');
  if (!NIR_SHAPE.test(nir)) throw fail('a NIR has only digits, except 2A or 2B as the department (characters 6-7)');
  if (!SEX_DIGITS.includes(nir[0])) throw fail('the first digit (sex) must be 1, 2, 3, 4, 7 or 8');
  if (!isAllowedMonth(Number(nir.slice(3, 5)))) throw fail('the birth month (characters 4-5) must be 01–12, 20–42 or 50–99');
  if (nir.slice(5, 7) === '00') throw fail('department 00 does not exist');
  // Our shape check already ran, so stdnum can only object to the key; its reason is still
  // passed through in case a future version checks more.
  const result = stdnum.FR.nir.validate(nir);
  if (!result.isValid) {
    throw fail(result.error?.name === 'InvalidChecksum' ? 'the check key does not match the number' : 'not a valid NIR');
  }
  return nir;
}

/** Departments of mainland France except Corsica (20, 2A, 2B), so the key needs no substitution. */
const SYNTHETIC_DEPARTMENTS: readonly string[] = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter(
  (d) => d !== '20',
);

/**
 * Builds a valid NIR, deterministically, from a synthetic person key such as "syn-person-00042":
 * SHA-256 of the key chooses the sex (1 or 2), birth year (00–99), month (01–12), department
 * (01–95 except 20), commune (001–990) and order number (001–999), and the key is computed from
 * those. The same person key always gives the same NIR, on every machine and in every run, so
 * seeds and pseudonyms derived from it are reproducible; the output always passes `validateNir`.
 * It is for synthetic test data only: the result is a plausible number that may well belong to a
 * real person, so it must never be presented as anyone's NIR. Throws an Error on an empty key.
 */
export function syntheticNir(personKey: string): string {
  if (typeof personKey !== 'string' || personKey.length === 0) throw new Error('syntheticNir needs a non-empty person key.');
  // 64 bits are far more than the ~2.2e11 combinations drawn below, so every choice is
  // practically uniform and independent of the others.
  let entropy = createHash('sha256').update(personKey, 'utf8').digest().readBigUInt64BE(0);
  const pick = (count: number): number => {
    const n = BigInt(count);
    const value = Number(entropy % n);
    entropy /= n;
    return value;
  };
  const sex = String(1 + pick(2));
  const year = String(pick(100)).padStart(2, '0');
  const month = String(1 + pick(12)).padStart(2, '0');
  const department = SYNTHETIC_DEPARTMENTS[pick(SYNTHETIC_DEPARTMENTS.length)];
  const commune = String(1 + pick(990)).padStart(3, '0');
  const order = String(1 + pick(999)).padStart(3, '0');
  const number = `${sex}${year}${month}${department}${commune}${order}`;
  // 13 digits stay below 2^53, so a plain number computes the remainder exactly.
  const key = String(97 - (Number(number) % 97)).padStart(2, '0');
  return `${number}${key}`;
}
