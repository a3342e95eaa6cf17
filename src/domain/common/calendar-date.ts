/** The shape of a calendar date: four-digit year, two-digit month and day. */
const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when `value` is a YYYY-MM-DD string naming a day that exists (2024-02-29 yes,
 * 2024-02-30 and 2023-02-29 no). The one calendar-date rule of the project: seed files (also as
 * the `calendar-date` format of the seed JSON Schema), portfolio rows and GraphQL date arguments
 * all use it, so a date accepted in one place is never refused in another.
 * Pure and free of imports, so every layer may use it.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !YYYY_MM_DD.test(value)) return false;
  // Date.parse rolls 2024-02-30 over to 2024-03-01 instead of refusing it: compare the round trip.
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}
