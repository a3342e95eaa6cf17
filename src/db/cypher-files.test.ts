import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allCypherNames, cypher, readStatement } from './cypher-files';

/** The include step of the Cypher loader, on a throwaway cypher/ folder (needs no database). */
let dir: string;
const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, `${name}.cypher`)), { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.cypher`), text);
};
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-files-'));
  write('reach/held', '// header: the contract, left out\n// second header line\n(f.validTo IS NULL\n OR f.validTo >= d)\n');
  write('reach/clause', '// header\nCALL {\n  WITH b\n  RETURN 1 AS one\n}\n');
  write('reach/outer', '// header\n(x AND // @include reach/held\n)\n');
  write('reach/loop-a', '(a AND // @include reach/loop-b\n)\n');
  write('reach/loop-b', '(b AND // @include reach/loop-a\n)\n');
  write('q/expr', 'MATCH (f)\nWHERE d IS NOT NULL\n  AND // @include reach/held\nRETURN f\n');
  write('q/clause', 'MATCH (b)\n  // @include reach/clause\nRETURN b\n');
  write('q/nested', 'RETURN // @include reach/outer\n');
  write('q/unknown', 'MATCH (f)\nWHERE // @include reach/no-such-fragment\nRETURN f\n');
  write('q/not-fragment', 'RETURN // @include q/expr\n');
  write('q/cycle', 'RETURN // @include reach/loop-a\n');
  write('q/misspelt', 'MATCH (f)\nWHERE // @inclde reach/held\nRETURN f\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('an expression fragment lands after the code of its line, one step deeper, without its header', () => {
  expect(readStatement('q/expr', dir)).toBe(
    'MATCH (f)\nWHERE d IS NOT NULL\n  AND // from reach/held\n    (f.validTo IS NULL\n     OR f.validTo >= d)\nRETURN f',
  );
});

test('a clause fragment alone on its line keeps the line’s indentation', () => {
  expect(readStatement('q/clause', dir)).toBe('MATCH (b)\n  // from reach/clause\n  CALL {\n    WITH b\n    RETURN 1 AS one\n  }\nRETURN b');
});

test('fragments may include fragments', () => {
  expect(readStatement('q/nested', dir)).toBe('RETURN // from reach/outer\n  (x AND // from reach/held\n    (f.validTo IS NULL\n     OR f.validTo >= d)\n  )');
});

test('an unknown include fails, naming the fragment and the file that includes it', () => {
  expect(() => readStatement('q/unknown', dir)).toThrow('Cypher file not found: cypher/reach/no-such-fragment.cypher (included from cypher/q/unknown.cypher)');
});

test('only fragments can be included, and a fragment is not a statement', () => {
  expect(() => readStatement('q/not-fragment', dir)).toThrow('cypher/q/not-fragment.cypher includes q/expr, which is not a fragment');
  expect(() => readStatement('reach/held', dir)).toThrow('cypher/reach/held.cypher is a fragment, not a statement');
  expect(() => cypher('reach/flow-held')).toThrow('is a fragment, not a statement');
});

test('an include cycle fails, naming the chain', () => {
  expect(() => readStatement('q/cycle', dir)).toThrow('Cypher include cycle in cypher/reach/loop-b.cypher: q/cycle -> reach/loop-a -> reach/loop-b -> reach/loop-a');
});

test('a misspelt directive fails instead of passing as a comment', () => {
  expect(() => readStatement('q/misspelt', dir)).toThrow('cypher/q/misspelt.cypher: unknown directive in "WHERE // @inclde reach/held"');
});

test('the project’s statements leave the fragment folder out, and every include in them expands', () => {
  const names = allCypherNames();
  expect(names.filter((n) => n.startsWith('reach/'))).toEqual([]);
  expect(names).toContain('impact/impact-paths');
  for (const n of names) expect(cypher(n).text).not.toMatch(/@include/);
  expect(cypher('impact/impact-paths').text).toContain('// from reach/flow-held');
});
