import type { DataCategoryRow } from '../catalogue/catalogue.rows';

/**
 * Our data categories in fideslang terms. The ONE mapping table is the catalogue itself: each
 * `DataCategory` carries its `fideslangKey` (seeds/case-2024.json `dataCategories`, read through
 * the API as `DataCategory.fideslangKey`), null when no fideslang category fits. The exports read
 * it from there, so a category added to the graph is mapped where it is defined, and no second
 * table can drift from the first. A null key is never replaced by a guess (not even the parent's
 * key): the exports say "no fideslang equivalent" instead.
 */

/** The words every export uses for a category without a fideslang key. */
export const NO_FIDESLANG_EQUIVALENT = 'no fideslang equivalent';

/** The taxonomy the keys are checked against (test/exchange/fideslang-3.1-data-categories.json). */
export const FIDESLANG_TAXONOMY = 'fideslang 3.1 default taxonomy (github.com/ethyca/fideslang data_files/data_categories.json)';

/** fideslang FidesKey (validation.py FIDES_KEY_PATTERN). */
export const FIDES_KEY_PATTERN = /^[a-zA-Z0-9_.<>-]+$/;

/** One category of ours and its fideslang counterpart. */
export interface FideslangMapping {
  categoryId: string;
  name: string;
  /** The fideslang data-category key, or null when none fits. */
  fideslangKey: string | null;
  /** `fideslang: <key>`, or `no fideslang equivalent`: what an export writes beside the category. */
  note: string;
}

/**
 * The fideslang counterpart of a category, from the catalogue's `fideslangKey`. Throws on a key
 * that is not a FidesKey at all (the seed check lets any text through): exporting it would give
 * Fides a manifest it rejects.
 */
export function fideslangMappingOf(category: DataCategoryRow): FideslangMapping {
  const key = category.fideslangKey;
  if (key !== null && !FIDES_KEY_PATTERN.test(key)) throw new Error(`data category ${category.id}: fideslangKey ${JSON.stringify(key)} is not a FidesKey`);
  return { categoryId: category.id, name: category.name, fideslangKey: key, note: key === null ? NO_FIDESLANG_EQUIVALENT : `fideslang: ${key}` };
}
