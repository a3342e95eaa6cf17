import { LocalDateResolver } from 'graphql-scalars';
import { badInput } from '../../errors/app-error';
import { isCalendarDate } from './calendar-date';

/** The GraphQL `LocalDate` scalar (YYYY-MM-DD), from graphql-scalars. */
export const LocalDate = LocalDateResolver;

/** Checks an optional YYYY-MM-DD argument (already shaped by the scalar) is a real calendar day. */
export function checkDate(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isCalendarDate(value)) throw badInput(argument, value, 'not a calendar date (YYYY-MM-DD)');
  if (value < '1900-01-01' || value > '2100-12-31') throw badInput(argument, value, 'must lie between 1900-01-01 and 2100-12-31');
  return value;
}
