import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, notFound } from '../errors/app-error';
import { unknownInsurerHint } from './import-hint';

describe('unknownInsurerHint', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-hint-'));
  const generated = path.join(dir, 'insurers.json');
  fs.writeFileSync(generated, '{}');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const unknown = notFound('insurer', 'org-syn-001');

  test('a bulk load of a generated France without --seed is told to add its insurers.json', () => {
    expect(unknownInsurerHint(unknown, { dir, bulk: true, seeds: [] })).toBe(`hint: its organisation must be in the graph before its portfolio; the folder has ${generated}: add --seed ${generated}`);
  });

  test('a transactional import is told to seed it first', () => {
    expect(unknownInsurerHint(unknown, { dir, bulk: false, seeds: [] })).toContain(`run npm run seed -- ${generated} first`);
  });

  test('when the folder has none, or it was already given, the hint stays general', () => {
    expect(unknownInsurerHint(unknown, { dir: os.tmpdir(), bulk: true, seeds: [] })).toMatch(/add --seed <file>/);
    expect(unknownInsurerHint(unknown, { dir, bulk: true, seeds: [generated] })).toMatch(/add --seed <file>/);
    expect(unknownInsurerHint(unknown, { bulk: false, seeds: [] })).toMatch(/npm run seed -- <file>/);
  });

  test('no hint for other errors', () => {
    expect(unknownInsurerHint(notFound('breach', 'b-1'), { dir, bulk: true, seeds: [] })).toBeNull();
    expect(unknownInsurerHint(new AppError('BAD_USER_INPUT', 'No insurer with id "x".'), { dir, bulk: true, seeds: [] })).toBeNull();
    expect(unknownInsurerHint(new Error('No insurer with id "x".'), { dir, bulk: true, seeds: [] })).toBeNull();
  });
});
