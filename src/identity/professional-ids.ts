import { electronicFormatIBAN, isValidIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { stdnum } from 'stdnum';
import { badInput } from '../errors/app-error';

/** Separators found in typed or pasted identifiers: whitespace, dots, hyphens and dashes. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;

/** Keeps error messages short when someone sends a huge string in an identifier field. */
const MAX_ECHOED_CHARS = 40;

function compact(input: string): string {
  return input.replace(SEPARATORS, '').toUpperCase();
}

/** The refused value as it may appear in an error message: SIRET and FINESS are public. */
function echo(input: unknown): unknown {
  if (typeof input !== 'string') return typeof input;
  return input.length > MAX_ECHOED_CHARS ? `${input.slice(0, MAX_ECHOED_CHARS)}…` : input;
}

/** Standard Luhn check, rightmost digit being the check digit. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Normalises and validates a SIRET (French establishment number) and returns its 14 digits.
 * Spaces, dots and dashes are ignored; the number must then be 14 digits passing the Luhn check,
 * except La Poste establishments (SIREN 356000000), whose digits must add up to a multiple of 5
 * (the La Poste head office, 35600000000048, passes Luhn instead); the check is `stdnum`'s
 * `fr.siret`. Throws a BAD_USER_INPUT AppError for argument "siret" quoting the value sent
 * (truncated to 40 characters) otherwise.
 */
export function validateSiret(input: string): string {
  const fail = (why: string) => badInput('siret', echo(input), why);
  if (typeof input !== 'string') throw fail('a SIRET must be given as a string');
  const siret = compact(input);
  if (siret.length !== 14) throw fail('a SIRET has 14 digits');
  if (!/^[0-9]{14}$/.test(siret)) throw fail('a SIRET has only digits');
  if (!stdnum.FR.siret.validate(siret).isValid) {
    throw fail(
      siret.startsWith('356000000') ? 'the digits of a La Poste SIRET must add up to a multiple of 5' : 'the Luhn check digit does not match',
    );
  }
  return siret;
}

/**
 * Normalises and validates a FINESS number (French health and social establishment) and returns
 * its 9 characters. Spaces, dots and dashes are ignored and letters uppercased; it must start with
 * a département code (01–95, 2A, 2B, or 97 for the overseas départements, whose third digit is
 * not checked because FINESS writes those codes differently from INSEE) and the 9 digits must
 * pass the Luhn check. Corsican numbers (2A/2B) are only checked for structure (2A or 2B then 7
 * digits): the letters have no agreed digit value for the Luhn sum, so the check digit cannot be
 * verified. Throws a BAD_USER_INPUT AppError for argument "finess" quoting the value sent
 * (truncated to 40 characters) otherwise.
 */
export function validateFiness(input: string): string {
  const fail = (why: string) => badInput('finess', echo(input), why);
  if (typeof input !== 'string') throw fail('a FINESS number must be given as a string');
  const finess = compact(input);
  if (finess.length !== 9) throw fail('a FINESS number has 9 characters');
  if (!/^(?:[0-9]{2}|2A|2B)[0-9]{7}$/.test(finess)) {
    throw fail('a FINESS number has only digits, except 2A or 2B as the département');
  }
  if (finess.startsWith('2A') || finess.startsWith('2B')) return finess;
  const departement = Number(finess.slice(0, 2));
  if (!((departement >= 1 && departement <= 95) || departement === 97)) {
    throw fail('a FINESS number starts with a département code: 01–95, 2A, 2B or 97');
  }
  if (!luhnValid(finess)) throw fail('the Luhn check digit does not match');
  return finess;
}

/** Below this length first 4 + last 4 characters would be most of the value, so none is shown. */
const MIN_MASKABLE_IBAN_LENGTH = 12;

/** An IBAN identifies a bank account, so messages show only its country, check digits and end. */
function maskIban(input: unknown): string {
  if (typeof input !== 'string') return '…';
  const value = compact(input);
  if (value.length < MIN_MASKABLE_IBAN_LENGTH) return '…';
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}

const IBAN_REASONS: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: 'unknown IBAN country code',
  [ValidationErrorsIBAN.WrongBBANLength]: 'wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'wrong account number format for its country',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'the IBAN check digits (characters 3-4) must be digits',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'the national account key does not match',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'the IBAN check digits do not match',
};

/**
 * Normalises and validates an IBAN with `ibantools` and returns it in electronic format
 * (uppercase, no spaces or dashes). Any country ibantools knows is accepted, with its length,
 * account format, national key (the RIB key for France) and mod-97 check digits verified; a
 * French (FR) IBAN must also have exactly 27 characters. Throws a BAD_USER_INPUT AppError for
 * argument "iban" otherwise, whose value shows only the first 4 and last 4 characters ("FR76…0189").
 */
export function validateIban(input: string): string {
  const fail = (why: string) => badInput('iban', maskIban(input), why);
  if (typeof input !== 'string') throw fail('an IBAN must be given as a string');
  // electronicFormatIBAN only removes plain spaces and hyphens; pasted IBANs also carry tabs,
  // no-break spaces and line breaks.
  const iban = electronicFormatIBAN(input.replace(/\s/g, ''));
  if (!iban) throw fail('an IBAN is required');
  if (iban.startsWith('FR') && iban.length !== 27) throw fail('a French IBAN has 27 characters');
  if (!isValidIBAN(iban)) {
    const first = validateIBAN(iban).errorCodes.find((code) => IBAN_REASONS[code] !== undefined);
    throw fail(first === undefined ? 'not a valid IBAN' : (IBAN_REASONS[first] as string));
  }
  return iban;
}
