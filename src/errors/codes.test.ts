import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, ErrorCodeEntry, httpStatus } from './codes';

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

/** The HTTP cell of a code's README row ("401", "400, 413" or "—"), or undefined without a row. */
function documentedStatuses(code: string): string | undefined {
  return new RegExp(`^\\|\\s*\`${code}\`\\s*\\|\\s*([^|]*?)\\s*\\|`, 'm').exec(README)?.[1];
}

test('every catalogued code documents its HTTP statuses in the README table, as the catalogue has them', () => {
  const wrong = Object.entries(ERROR_CODES as Record<string, ErrorCodeEntry>)
    .map(([code, entry]) => {
      const expected = entry.status === null ? '—' : [entry.status, ...Object.values(entry.statusWhen ?? {})].join(', ');
      return { code, expected, documented: documentedStatuses(code) };
    })
    .filter((row) => row.documented !== row.expected);
  expect(wrong).toEqual([]);
});

test('the statuses are error statuses, and httpStatus reads them from the catalogue', () => {
  for (const entry of Object.values(ERROR_CODES as Record<string, ErrorCodeEntry>)) {
    for (const status of [entry.status, ...Object.values(entry.statusWhen ?? {})]) if (status !== null) expect(status).toBeGreaterThanOrEqual(400);
  }
  expect(httpStatus('UNAUTHENTICATED')).toBe(401);
  expect(httpStatus('BAD_USER_INPUT')).toBe(400);
  expect(httpStatus('BAD_USER_INPUT', 'bodyTooLarge')).toBe(413);
  expect(() => httpStatus('NOT_FOUND', 'bodyTooLarge' as never)).toThrow(/no "bodyTooLarge" status/);
});

/** Status-setting code, not prose: `status: 4xx`, `.code(5xx)`, `statusCode = 4xx`, `writeHead(4xx`, `sendJson(res, 4xx`. */
const HAND_CODED = /(?:\bstatus(?:Code)?\s*[:=]\s*|\.code\(\s*|writeHead\(\s*|sendJson\([^,]*,\s*)([45]\d\d)\b/g;

test('no HTTP error status is written by hand in src/ outside the catalogue', () => {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = path.relative(SRC, file);
    if (rel === path.join('errors', 'codes.ts')) continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(HAND_CODED)) found.push(`${rel}: ${m[0]}`);
  }
  expect(found).toEqual([]);
});

test('the hand-coded scan catches what it looks for (it can fail)', () => {
  for (const text of ['reply.code(413)', 'res.statusCode = 500', '{ http: { status: 401 } }', 'res.writeHead(404, {})', 'sendJson(res, 503, body)']) expect(text.match(HAND_CODED)).not.toBeNull();
  expect('HTTP 401 when the token is bad'.match(HAND_CODED)).toBeNull();
});
