import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from './codes';

/** Every error code used in src/ is in the catalogue, and every catalogued code is documented. */
const SRC = path.resolve(__dirname, '..');
const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Codes a source file hands out: `new AppError('X'`, `code: 'X'`, and `code: 'X'` in JSON bodies. */
function usedCodes(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:new AppError\(\s*|\bcode:\s*)'([A-Z][A-Z_]+)'/g)) used.set(m[1], path.relative(SRC, file));
  }
  return used;
}

test('the scan finds the codes the code uses (it can fail)', () => {
  expect([...usedCodes().keys()]).toEqual(expect.arrayContaining(['NOT_FOUND', 'BAD_USER_INPUT', 'SERVICE_UNAVAILABLE', 'INTERNAL']));
});

test('every code used in src/ is in the catalogue', () => {
  const unknown = [...usedCodes()].filter(([code]) => !(code in ERROR_CODES)).map(([code, file]) => `${code} (${file})`);
  expect(unknown).toEqual([]);
});

test('every catalogued code is documented in the README table', () => {
  const undocumented = Object.keys(ERROR_CODES).filter((code) => !new RegExp(`^\\|\\s*\`${code}\`\\s*\\|`, 'm').test(README));
  expect(undocumented).toEqual([]);
});
