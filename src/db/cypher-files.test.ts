import fs from 'node:fs';
import path from 'node:path';
import { allCypherNames, cypher, readStatement } from './cypher-files';

/**
 * The include step of the Cypher loader, on a folder of its own (needs no database): the loader's
 * cases (expression and clause fragments, nesting, unknown includes, cycles, a misspelt
 * directive) as .cypher files, like every statement, in test/fixtures/cypher-loader/.
 */
const dir = path.resolve(__dirname, '../../test/fixtures/cypher-loader');
/** What a fixture statement must expand to, exactly (`<name>.expanded` beside it). */
const expanded = (name: string) => fs.readFileSync(path.join(dir, `${name}.expanded`), 'utf8');

test('an expression fragment lands after the code of its line, one step deeper, without its header', () => {
  expect(readStatement('q/expr', dir)).toBe(expanded('q/expr'));
});

test('a clause fragment alone on its line keeps the line’s indentation', () => {
  expect(readStatement('q/clause', dir)).toBe(expanded('q/clause'));
});

test('fragments may include fragments', () => {
  expect(readStatement('q/nested', dir)).toBe(expanded('q/nested'));
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
