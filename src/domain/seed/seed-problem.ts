/**
 * One problem found in a seed file. `at` is the JSON path of the offending value, e.g.
 * `['populations', 0, 'owner']` or `['organizations', 2, 'roles', 1]`; `value` is absent when
 * the field is missing altogether.
 */
export interface SeedProblem {
  at: ReadonlyArray<string | number>;
  value?: unknown;
  why: string;
}

// Sections (and nested lists) in file order, so problems come out top to bottom.
const ORDER = ['dataset', 'organizations', 'ownerships', 'partnerships', 'systems', 'accessChannels', 'dataCategories', 'populations', 'dataFlows', 'breaches', 'compromised', 'events', 'exposures', 'reportedFigures', 'contracts', 'beneficiaries'];
// Other keys: at the top level (a misspelt section) after the sections; in a record (a field)
// before its nested lists, so a record's own fields are reported before its parts'.
const rank = (token: string | number, depth: number) => (typeof token === 'number' ? token : ORDER.includes(token) ? ORDER.indexOf(token) : depth === 0 ? ORDER.length : -1);

/** Orders problems by where they are in the file (stable for problems of the same record). */
export function compareProblems(a: SeedProblem, b: SeedProblem): number {
  for (let i = 0; i < Math.min(a.at.length, b.at.length); i += 1) {
    const [x, y] = [a.at[i], b.at[i]];
    if (x !== y) return typeof x === typeof y ? rank(x, i) - rank(y, i) : 0;
  }
  return 0;
}

/**
 * Renders a problem as `<file> <record>: field "<field>" = <value> <why>`, the record named by
 * its path and, when it has one, its id: `populations[0] (pop-a): field "owner" = "org-x" must be...`.
 * An item of a list of values is named by the list and its index: `field "roles[1]"`.
 */
export function formatProblem(file: string, seed: unknown, problem: SeedProblem): string {
  const at = problem.at;
  let fieldIndex = -1;
  for (let i = at.length - 1; i >= 0 && fieldIndex < 0; i -= 1) if (typeof at[i] === 'string') fieldIndex = i;
  let where = '';
  let node: unknown = seed;
  for (const token of at.slice(0, Math.max(fieldIndex, 0))) {
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[token] : undefined;
    if (typeof token === 'string') where += `${where ? '.' : ''}${token}`;
    else {
      const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      where += typeof id === 'string' ? `[${token}] (${id})` : `[${token}]`;
    }
  }
  const field = fieldIndex >= 0 ? `${at[fieldIndex]}${at.slice(fieldIndex + 1).map((i) => `[${i}]`).join('')}` : '(the file)';
  const value = 'value' in problem ? ` = ${JSON.stringify(problem.value)}` : '';
  return `${file} ${where || 'root'}: field "${field}"${value} ${problem.why}`;
}
