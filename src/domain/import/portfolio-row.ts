import { isCalendarDate } from '../common/calendar-date';
import { isAppError } from '../../errors/app-error';
import { containsValidNir, maskNir, maskNirsIn } from '../../identity/nir';
import { pseudonymizeNir } from '../../identity/pseudonym';

/** Columns of a portfolio file, in order; the header line must name exactly these. */
export const PORTFOLIO_COLUMNS = ['contract_number', 'nir', 'role', 'product', 'operator', 'network', 'start_date', 'end_date'] as const;

/** A validated row, ready for the database: the NIR is already replaced by its pseudonym. */
export interface PortfolioRow {
  contractId: string;
  number: string;
  pseudonym: string;
  role: 'HOLDER' | 'DEPENDANT';
  product: string | null;
  operator: string | null;
  network: string | null;
  startDate: string;
  endDate: string | null;
}

/** What a row may refer to, read once from the graph before the import. */
export interface RowContext {
  insurerId: string;
  operators: Set<string>;
  networks: Set<string>;
  pseudonymKey: Buffer;
}

const NUMBER = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

/**
 * Validates one record (an object keyed by column) and returns the row, or the reason it is
 * refused. A valid NIR in any column but `nir` refuses the row: those columns are stored in
 * clear, and a NIR there is a column shift or a mistake. Reasons never quote a NIR: they say
 * which rule failed, and every NIR-shaped value they quote, from any column, is masked.
 */
export function validateRow(record: Record<string, string | undefined>, ctx: RowContext): PortfolioRow | { reason: string } {
  const row = checkRow(record, ctx);
  return 'reason' in row ? { reason: maskNirsIn(row.reason) } : row;
}

function checkRow(record: Record<string, string | undefined>, ctx: RowContext): PortfolioRow | { reason: string } {
  const v = (k: (typeof PORTFOLIO_COLUMNS)[number]) => (record[k] ?? '').trim();
  // First, so a shifted row is reported for what it is rather than for the column it broke.
  const nirElsewhere = PORTFOLIO_COLUMNS.find((k) => k !== 'nir' && containsValidNir(v(k)));
  if (nirElsewhere !== undefined) return { reason: `${nirElsewhere} holds a NIR (${maskNirsIn(v(nirElsewhere)).slice(0, 70)}); a NIR belongs in the nir column only, where it is pseudonymised, never stored in clear (shifted columns?)` };
  const number = v('contract_number');
  if (!NUMBER.test(number)) return { reason: `contract_number ${JSON.stringify(number.slice(0, 70))} must be 1-64 letters, digits, . _ / -` };
  let pseudonym: string;
  try {
    pseudonym = pseudonymizeNir(v('nir'), ctx.pseudonymKey);
  } catch (e) {
    if (isAppError(e)) return { reason: e.message };
    throw e;
  }
  const role = v('role').toUpperCase();
  if (role !== 'HOLDER' && role !== 'DEPENDANT') return { reason: `role ${JSON.stringify(v('role'))} must be HOLDER or DEPENDANT` };
  const operator = v('operator') || null;
  if (operator !== null && !ctx.operators.has(operator)) return { reason: `operator ${JSON.stringify(operator)} is not a known operator id` };
  const network = v('network') || null;
  if (network !== null && !ctx.networks.has(network)) return { reason: `network ${JSON.stringify(network)} is not a known care-network id` };
  const startDate = v('start_date');
  if (!isCalendarDate(startDate)) return { reason: `start_date ${JSON.stringify(startDate)} must be a YYYY-MM-DD date` };
  const endDate = v('end_date') || null;
  if (endDate !== null && !isCalendarDate(endDate)) return { reason: `end_date ${JSON.stringify(endDate)} must be a YYYY-MM-DD date or empty` };
  if (endDate !== null && endDate < startDate) return { reason: `end_date ${endDate} is before start_date ${startDate}` };
  const product = v('product') || null;
  if (product !== null && product.length > 120) return { reason: 'product must be at most 120 characters' };
  return { contractId: `${ctx.insurerId}:${number}`, number, pseudonym, role, product, operator, network, startDate, endDate };
}

/**
 * The row as it may be written to a rejects file or returned: the `nir` column masked whole, and
 * every NIR-shaped value in the other columns masked too (a shifted row moves the NIR anywhere);
 * everything else as read.
 */
export function redactedRecord(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(PORTFOLIO_COLUMNS.map((k) => [k, k === 'nir' ? maskNir(record[k] ?? '') : maskNirsIn(record[k] ?? '')]));
}
