import fs from 'node:fs';
import path from 'node:path';
import { Api, as, startApi } from './harness';
import { categoryName } from '../web/src/dashboard/category-name';

/**
 * Issue #13: the dashboard is French by default, in the CNIL's words where they exist, and the data
 * category names (the notification form's « catégories de données à caractère personnel
 * concernées ») come from the data. Every seeded category carries a French name, `nameFr`; the
 * API serves it on the catalogue and on a breach's exposures; the dashboard's helper shows it in
 * French and the English name in English.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

interface SeedCategory {
  id: string;
  name: string;
  nameFr?: unknown;
}
const seed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../seeds/case-2024.json'), 'utf8')) as { dataCategories: SeedCategory[] };

test('every seeded data category has a French name: non-blank, and not its English name copied', () => {
  expect(seed.dataCategories.length).toBeGreaterThan(0);
  const missing = seed.dataCategories.filter((c) => typeof c.nameFr !== 'string' || c.nameFr.trim() === '' || c.nameFr === c.name).map((c) => c.id);
  expect(missing).toEqual([]);
});

test('the CNIL’s own words name the categories its form and register model have', () => {
  const fr = new Map(seed.dataCategories.map((c) => [c.id, c.nameFr]));
  expect(fr.get('cat-identity')).toBe('État civil, identité, données d’identification');
  expect(fr.get('cat-nir')).toBe('Numéro de sécurité sociale (NIR)');
  expect(fr.get('cat-bank-details')).toBe('Coordonnées bancaires (RIB)');
  expect(fr.get('cat-health')).toBe('Données de santé');
  expect(fr.get('cat-financial')).toBe('Informations d’ordre économique et financier');
});

test('the API serves each category’s French name as seeded, beside its English one', async () => {
  const { data, errors } = await api.run('{ dataCategories { id name nameFr } }', {}, as('REGULATOR'));
  expect(errors).toBeUndefined();
  const served = [...data.dataCategories].sort((a: SeedCategory, b: SeedCategory) => a.id.localeCompare(b.id));
  const seeded = seed.dataCategories.map((c) => ({ id: c.id, name: c.name, nameFr: c.nameFr })).sort((a, b) => a.id.localeCompare(b.id));
  expect(served).toEqual(seeded);
});

test('a breach’s exposed categories carry their French name too (the path the dashboard reads)', async () => {
  const { data, errors } = await api.run('{ breaches { id exposures { category { id name nameFr } } } }', {}, as('REGULATOR'));
  expect(errors).toBeUndefined();
  const fr = new Map(seed.dataCategories.map((c) => [c.id, c.nameFr]));
  const categories = data.breaches.flatMap((b: any) => b.exposures.map((e: any) => e.category));
  expect(categories.length).toBeGreaterThan(0);
  for (const c of categories) expect([c.id, c.nameFr]).toEqual([c.id, fr.get(c.id)]);
  const nir = categories.find((c: any) => c.id === 'cat-nir');
  expect(categoryName(nir, 'fr')).toBe('Numéro de sécurité sociale (NIR)');
  expect(categoryName(nir, 'en')).toBe('Social security number (NIR)');
});

test('categoryName falls back to the English name when there is no French one', () => {
  expect(categoryName({ name: 'Bank details (RIB)', nameFr: 'Coordonnées bancaires (RIB)' }, 'fr')).toBe('Coordonnées bancaires (RIB)');
  expect(categoryName({ name: 'Bank details (RIB)', nameFr: 'Coordonnées bancaires (RIB)' }, 'en')).toBe('Bank details (RIB)');
  expect(categoryName({ name: 'Bank details (RIB)', nameFr: null }, 'fr')).toBe('Bank details (RIB)');
  expect(categoryName({ name: 'Bank details (RIB)' }, 'fr')).toBe('Bank details (RIB)');
  expect(categoryName({ name: 'Bank details (RIB)', nameFr: '  ' }, 'fr')).toBe('Bank details (RIB)');
});
