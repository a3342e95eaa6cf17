import fs from 'node:fs';
import path from 'node:path';
import { isFideslangCategory } from '../../../test/exchange/fideslang-3-dataset-conformance';
import { fideslangMappingOf, NO_FIDESLANG_EQUIVALENT } from './fideslang-mapping';

const seed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../seeds/case-2024.json'), 'utf8'));
const seededCategories = seed.dataCategories.map((c: any) => ({ id: c.id, name: c.name, fideslangKey: c.fideslangKey, description: c.description, parentId: c.parent }));

test('every fideslang key of the seeded catalogue (the one mapping table) is a current category of the fideslang default taxonomy', () => {
  const keys = seededCategories.map((c: any) => c.fideslangKey).filter((k: string | null) => k !== null);
  expect(keys.length).toBeGreaterThan(10);
  expect(keys.filter((k: string) => !isFideslangCategory(k))).toEqual([]);
});

test('the taxonomy check can fail: an invented key and a misspelt one are not categories', () => {
  expect(isFideslangCategory('user.government_id.nir')).toBe(false);
  expect(isFideslangCategory('user.health_and_medical.insurance_beneficiary')).toBe(false);
  expect(isFideslangCategory('user.financial.bank_account')).toBe(true);
});

test('a category without a key says it has no fideslang equivalent; none gets a guessed key, not even its parent’s', () => {
  const byId = new Map(seededCategories.map((c: any) => [c.id, c]));
  const nir = fideslangMappingOf(byId.get('cat-nir') as any);
  expect(nir).toEqual({ categoryId: 'cat-nir', name: 'Social security number (NIR)', fideslangKey: 'user.government_id.national_identification_number', note: 'fideslang: user.government_id.national_identification_number' });
  // Rank of birth: its parent (identity) has no key either; insurer name: none fits.
  for (const id of ['cat-birth-rank', 'cat-insurer-name', 'cat-reimbursements']) {
    expect(fideslangMappingOf(byId.get(id) as any)).toMatchObject({ fideslangKey: null, note: NO_FIDESLANG_EQUIVALENT });
  }
});

test('a key that is not a FidesKey is refused rather than exported', () => {
  expect(() => fideslangMappingOf({ id: 'cat-x', name: 'X', nameFr: null, fideslangKey: 'user name', description: null, parentId: null })).toThrow(/not a FidesKey/);
});
