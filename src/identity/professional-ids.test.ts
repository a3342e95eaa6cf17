import { AppError } from '../errors/app-error';
import { validateFiness, validateIban, validateSiret } from './professional-ids';

/** Appends the Luhn check digit, computed independently of the module, to build fixtures. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = `${body}${d}`;
    const sum = [...candidate]
      .reverse()
      .map((c, i) => (i % 2 === 1 ? (Number(c) * 2 > 9 ? Number(c) * 2 - 9 : Number(c) * 2) : Number(c)))
      .reduce((a, b) => a + b, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** Runs `fn`, expecting a BAD_USER_INPUT AppError for `argument`, and returns it. */
function refusal(argument: string, fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const error = e as AppError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.argument).toBe(argument);
    return error;
  }
  throw new Error(`expected a refusal for ${argument}`);
}

describe('validateSiret', () => {
  test.each([
    ['73282932000074', '73282932000074'],
    ['732 829 320 00074', '73282932000074'],
    ['732.829.320-00074', '73282932000074'],
    ['35600000000048', '35600000000048'],
    ['356 000 000 09075', '35600000009075'],
    ['35600000049837', '35600000049837'],
  ])('accepts %j as %s', (input, expected) => {
    expect(validateSiret(input)).toBe(expected);
  });

  test('La Poste numbers are checked by digit sum, not Luhn', () => {
    // 35600000009075 fails Luhn but its digits add up to 35.
    expect(validateSiret('35600000009075')).toBe('35600000009075');
    expect(refusal('siret', () => validateSiret('35600000049838')).message).toMatch(/multiple of 5/);
  });

  test.each([
    ['a wrong check digit', '73282932000075', /Luhn/],
    ['13 digits', '7328293200007', /14 digits/],
    ['15 digits', '732829320000740', /14 digits/],
    ['a letter', '7328293200007A', /only digits/],
    ['empty', '', /14 digits/],
  ])('refuses %s', (_label, input, reason) => {
    const error = refusal('siret', () => validateSiret(input));
    expect(error.message).toMatch(reason);
    expect(error.message).toContain(JSON.stringify(input));
  });

  test('truncates a huge refused value in the message', () => {
    const error = refusal('siret', () => validateSiret('9'.repeat(10_000)));
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('validateFiness', () => {
  test.each([
    ['010780195', '010780195'],
    ['010002749', '010002749'],
    ['01 078 0195', '010780195'],
    ['01-000-274-9', '010002749'],
  ])('accepts %j as %s', (input, expected) => {
    expect(validateFiness(input)).toBe(expected);
  });

  test('accepts overseas numbers starting with 97', () => {
    const finess = withLuhn('97010022');
    expect(validateFiness(finess)).toBe(finess);
  });

  test('accepts Corsican numbers (2A/2B) on structure alone, uppercasing them', () => {
    expect(validateFiness('2A0000011')).toBe('2A0000011');
    expect(validateFiness('2b 000 0012')).toBe('2B0000012');
  });

  test.each([
    ['a wrong check digit', '010780196', /Luhn/],
    ['département 00', withLuhn('00078019'), /département code/],
    ['département 96', withLuhn('96078019'), /département code/],
    ['département 98', withLuhn('98078019'), /département code/],
    ['2C', '2C0000011', /only digits/],
    ['a letter after the département', '2A000001X', /only digits/],
    ['8 characters', '01078019', /9 characters/],
    ['10 characters', '0107801950', /9 characters/],
  ])('refuses %s', (_label, input, reason) => {
    expect(refusal('finess', () => validateFiness(input)).message).toMatch(reason);
  });
});

describe('validateIban', () => {
  test.each([
    ['FR7630006000011234567890189', 'FR7630006000011234567890189'],
    ['FR76 3000 6000 0112 3456 7890 189', 'FR7630006000011234567890189'],
    ['fr76-3000-6000-0112-3456-7890-189', 'FR7630006000011234567890189'],
    ['FR76\u00a03000\u00a06000\u00a00112\u00a03456\u00a07890\u00a0189', 'FR7630006000011234567890189'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['NL91ABNA0417164300', 'NL91ABNA0417164300'],
  ])('accepts %j as %s', (input, expected) => {
    expect(validateIban(input)).toBe(expected);
  });

  test.each([
    ['wrong IBAN check digits', 'FR7730006000011234567890189', /check digits do not match|account key/],
    ['a wrong RIB key', 'FR7630006000011234567890188', /account key|check digits/],
    ['a French IBAN of 26 characters', 'FR763000600001123456789018', /27 characters/],
    ['a French IBAN of 28 characters', 'FR76300060000112345678901890', /27 characters/],
    ['an unknown country', 'XX7630006000011234567890189', /country/],
    ['letters as check digits', 'FRAB30006000011234567890189', /check digits/],
    ['an empty string', '', /required/],
  ])('refuses %s', (_label, input, reason) => {
    expect(refusal('iban', () => validateIban(input)).message).toMatch(reason);
  });

  test('shows only the first 4 and last 4 characters of a refused IBAN', () => {
    const input = 'FR76 3000 6000 0112 3456 7890 188';
    const error = refusal('iban', () => validateIban(input));
    expect(error.message).toContain('"FR76…0188"');
    for (const text of [error.message, JSON.stringify(error)]) {
      expect(text).not.toContain('FR7630006000011234567890188');
      expect(text).not.toContain(input);
      expect(text).not.toContain('30006');
      expect(text).not.toContain('3000 6000');
    }
  });

  test('shows nothing of a short refused value', () => {
    expect(refusal('iban', () => validateIban('FR76300')).message).toContain('"…"');
  });
});
