/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"): = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet may safely open it: a value starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show it
 * as text and never run it. Any other value is returned unchanged. The one owner of the rule, for
 * every CSV the project writes (import rejects, the mailing export); quoting is the CSV writer's.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
