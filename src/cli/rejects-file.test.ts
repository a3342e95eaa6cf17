import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { syntheticNir } from '../identity/nir';
import { openRejectsFile } from './rejects-file';

/**
 * Issue #10 §4: the rejects file an import writes next to its input is for a person opening it in
 * a spreadsheet. It must not carry formulas that spreadsheet would run (OWASP CSV injection), a
 * NIR in clear, or be readable by others; and it must never be written through a planted link.
 */
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rejects-file-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const record = (over: Record<string, string> = {}) => ({
  contract_number: 'C-1', nir: '1…91', role: 'HOLDER', product: '', operator: '', network: '', start_date: '2023-01-01', end_date: '', ...over,
});

test('regression #10: formula-leading cells are neutralised with a leading apostrophe', async () => {
  const file = path.join(dir, 'p.csv');
  const rejects = openRejectsFile(file);
  const hostile = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
  hostile.forEach((v, i) => rejects.write({ line: i + 2, reason: v, record: record({ product: v, operator: v }) }));
  rejects.write({ line: 99, reason: 'plain, with "quotes"', record: record({ product: 'Formule 2 = best' }) });
  await rejects.close(true);
  const rows: string[][] = parse(fs.readFileSync(rejects.path, 'utf8'), { relax_column_count: false });
  expect(rows[0]).toEqual(['line', 'reason', 'contract_number', 'nir', 'role', 'product', 'operator', 'network', 'start_date', 'end_date']);
  hostile.forEach((v, i) => {
    const row = rows[i + 1];
    expect(row[1]).toBe(`'${v}`);
    expect(row[5]).toBe(`'${v}`);
    expect(row[6]).toBe(`'${v}`);
  });
  // Harmless cells are left as they were (quoted only as CSV needs).
  expect(rows[hostile.length + 1].slice(0, 2)).toEqual(['99', 'plain, with "quotes"']);
  expect(rows[hostile.length + 1][5]).toBe('Formule 2 = best');
});

test('regression #10: the rejects file is created with mode 0600', async () => {
  const rejects = openRejectsFile(path.join(dir, 'p.csv'));
  rejects.write({ line: 2, reason: 'x', record: record() });
  await rejects.close(true);
  expect(fs.statSync(rejects.path).mode & 0o777).toBe(0o600);
});

test('regression #10: a symlink planted at the rejects path is never written through', async () => {
  const victim = path.join(dir, 'victim.txt');
  fs.writeFileSync(victim, 'precious\n');
  fs.symlinkSync(victim, path.join(dir, 'p.csv.rejects.csv'));
  expect(() => {
    const rejects = openRejectsFile(path.join(dir, 'p.csv'));
    rejects.write({ line: 2, reason: 'x', record: record() });
  }).toThrow(/symbolic link/);
  // Give a stream that may have been opened the time to write.
  await new Promise((r) => setTimeout(r, 50));
  expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
});

test('a rejects file left by an earlier run is replaced, not appended to', async () => {
  const file = path.join(dir, 'p.csv');
  fs.writeFileSync(`${file}.rejects.csv`, 'old\n', { mode: 0o644 });
  const rejects = openRejectsFile(file);
  rejects.write({ line: 2, reason: 'x', record: record() });
  await rejects.close(true);
  const text = fs.readFileSync(rejects.path, 'utf8');
  expect(text).not.toContain('old');
  expect(fs.statSync(rejects.path).mode & 0o777).toBe(0o600);
});

test('regression #10: NIR-like values are masked in every column and in the reason', async () => {
  const nir = syntheticNir('syn-person-rejects-1');
  const rejects = openRejectsFile(path.join(dir, 'p.csv'));
  rejects.write({ line: 2, reason: `contract_number "${nir}" is odd`, record: record({ contract_number: nir, product: `F ${nir.slice(0, 7)} ${nir.slice(7)}`, end_date: nir }) });
  await rejects.close(true);
  expect(fs.readFileSync(rejects.path, 'utf8').replace(/[^0-9]/g, ' ')).not.toContain(nir.slice(0, 13));
  expect(fs.readFileSync(rejects.path, 'utf8').replace(/\s/g, '')).not.toContain(nir.slice(0, 13));
});
