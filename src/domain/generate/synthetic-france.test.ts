import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateRow } from '../import/portfolio-row';
import { readSeedFile, SEED_FILES } from '../seed/load-seeds';
import { emptyKnownIds, validateSeed } from '../seed/seed-format';
import { generateSyntheticFrance } from './synthetic-france';

/** The synthetic France: reproducible, shaped like the market, and importable as it is. */
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'synthetic-france-'));
const digest = (dir: string) => {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(dir).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex');
};

const dir = tmp();
const out = generateSyntheticFrance({ people: 20_000, seed: 42, dir });

test('the same seed gives the same files; another seed gives others', () => {
  const again = tmp();
  generateSyntheticFrance({ people: 20_000, seed: 42, dir: again });
  expect(digest(again)).toBe(digest(dir));
  const other = tmp();
  generateSyntheticFrance({ people: 20_000, seed: 43, dir: other });
  expect(digest(other)).not.toBe(digest(dir));
});

test('388 insurers with the DREES split and heavy-tailed sizes adding up to the people asked', () => {
  expect(out.insurers).toHaveLength(388);
  const kinds = out.insurers.reduce<Record<string, number>>((a, i) => ({ ...a, [i.kind]: (a[i.kind] ?? 0) + 1 }), {});
  expect(kinds).toEqual({ MUTUELLE: 263, INSURANCE_COMPANY: 100, PROVIDENT_INSTITUTION: 25 });
  const sizes = out.insurers.map((i) => i.people).sort((a, b) => a - b);
  expect(sizes.at(-1)!).toBeGreaterThan(10 * sizes[Math.floor(sizes.length / 2)]);
  expect(Math.abs(sizes.reduce((s, n) => s + n, 0) - 20_000)).toBeLessThan(400);
});

test('operator set-ups: Viamedis, Almerys, both, and switches with the old flow ending the day before', () => {
  const setups = new Set(out.insurers.map((i) => i.setup));
  for (const s of ['VIAMEDIS', 'ALMERYS', 'BOTH', 'SWITCH', 'OTHER']) expect(setups).toContain(s);
  const viamedis = out.insurers.filter((i) => ['VIAMEDIS', 'BOTH', 'SWITCH'].includes(i.setup)).length;
  expect(viamedis).toBeGreaterThan(60);
  expect(viamedis).toBeLessThan(120);
  const seed = readSeedFile(out.seedFile);
  const sw = out.insurers.find((i) => i.setup === 'SWITCH')!;
  const flows = (seed.dataFlows ?? []).filter((f) => f.controller === sw.id);
  const before = new Date(Date.parse(sw.switchDate!) - 86_400_000).toISOString().slice(0, 10);
  expect(flows.map((f) => [f.processor, f.validFrom, f.validTo, f.retentionMonths])).toEqual(
    expect.arrayContaining([
      ['org-viamedis', null, before, null],
      ['org-almerys', sw.switchDate, null, null],
    ]),
  );
});

test('the dataset validates against the seeds, and every portfolio row passes the import checks', () => {
  let known = emptyKnownIds();
  for (const f of SEED_FILES) known = validateSeed(f, readSeedFile(f), known);
  expect(() => validateSeed(out.seedFile, readSeedFile(out.seedFile), known)).not.toThrow();
  const ctx = { insurerId: '', operators: new Set(['org-viamedis', 'org-almerys']), networks: new Set(['org-itelis', 'org-santeclair', 'org-kalixia', 'org-carte-blanche-partenaires']), pseudonymKey: Buffer.alloc(32, 1) };
  const holdersByNir = new Map<string, Set<string>>();
  let dependants = 0;
  let ended = 0;
  let rows = 0;
  for (const ins of out.insurers) {
    const records = parse(fs.readFileSync(path.join(dir, ins.file)), { columns: true }) as Array<Record<string, string>>;
    for (const r of records) {
      rows += 1;
      const row = validateRow(r, { ...ctx, insurerId: ins.id });
      expect(row).not.toHaveProperty('reason');
      if (r.role === 'DEPENDANT') dependants += 1;
      if (r.end_date) ended += 1;
      holdersByNir.set(r.nir, (holdersByNir.get(r.nir) ?? new Set()).add(ins.id));
    }
  }
  expect(rows).toBe(out.rows);
  expect(dependants).toBeGreaterThan(rows / 10);
  expect(ended).toBeGreaterThan(rows / 20);
  // Some people hold contracts with two insurers.
  expect([...holdersByNir.values()].filter((s) => s.size > 1).length).toBeGreaterThan(5);
});
