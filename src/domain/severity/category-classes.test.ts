import fs from 'node:fs';
import path from 'node:path';
import { CATEGORY_CLASSES, classOf } from './category-classes';
import { BASIC_SCORE } from './enisa-method';

// Every data category of every seed file has a classification with a rationale, so that no
// seeded exposure goes unscored.
const seedDir = path.resolve(__dirname, '../../../seeds');
const seeded = fs
  .readdirSync(seedDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(seedDir, f), 'utf8')).dataCategories ?? []) as Array<{ id: string }>)
  .map((c) => c.id);

describe('category classes', () => {
  it('the seeds have categories (the test reads them)', () => {
    expect(seeded).toContain('cat-nir');
    expect(seeded.length).toBeGreaterThan(20);
  });

  it.each(seeded)('%s is classified, with a type of the method and a rationale', (id) => {
    const c = classOf(id);
    expect(c).toBeDefined();
    expect(Object.keys(BASIC_SCORE)).toContain(c!.dataType);
    expect(c!.rationale.length).toBeGreaterThan(20);
  });

  it('classifies nothing the seeds do not hold (no stale entries)', () => {
    expect(Object.keys(CATEGORY_CLASSES).filter((id) => !seeded.includes(id))).toEqual([]);
  });

  it('health data are sensitive, bank details financial (the two that raise DPC in the seeded case)', () => {
    expect(['cat-health', 'cat-medical-data', 'cat-reimbursements', 'cat-medical-transport-invoices'].map((id) => classOf(id)?.dataType)).toEqual(Array(4).fill('SENSITIVE'));
    expect(classOf('cat-bank-details')?.dataType).toBe('FINANCIAL');
    expect(classOf('nope')).toBeUndefined();
    expect(classOf('constructor')).toBeUndefined();
  });
});
