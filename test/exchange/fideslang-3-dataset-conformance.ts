import Ajv from 'ajv';
import taxonomy from './fideslang-3.1-data-categories.json';

/**
 * Conformance of the Fides export to fideslang's Dataset model. fideslang publishes no JSON Schema
 * (its models are pydantic classes), so this is our own, transcribed from
 * github.com/ethyca/fideslang at 40394c46599745a6b8f14d069889fddfa2651409 (3.1.x):
 * `src/fideslang/models.py` (FidesModel, Dataset, DatasetCollection, DatasetField, FidesMeta) and
 * `src/fideslang/validation.py` (FIDES_KEY_PATTERN, unique_items_in_list). Unknown properties are
 * refused here although fideslang ignores them (`extra="ignore"`): an ignored property would be
 * information silently lost. Data-category keys are checked against the default taxonomy
 * (`fideslang-3.1-data-categories.json`, reduced from `data_files/data_categories.json` at the same
 * commit): a key that is not there, or is deprecated, is an error. Test support only.
 */

// validation.py FIDES_KEY_PATTERN
const FIDES_KEY = { type: 'string', pattern: '^[a-zA-Z0-9_.<>-]+$' };

const FIELD = {
  // models.py DatasetFieldBase + DatasetField: name required; description, data_categories, fides_meta, fields optional.
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string' },
    description: { type: ['string', 'null'] },
    data_categories: { type: ['array', 'null'], items: FIDES_KEY },
    fides_meta: { type: ['object', 'null'] },
    fields: { type: ['array', 'null'], items: { $ref: '#/definitions/field' } },
  },
};

/** The transcribed schema of a fideslang manifest holding datasets (`dataset:` list, as `fides push` reads it). */
export const FIDESLANG_DATASET_CONFORMANCE = {
  type: 'object',
  additionalProperties: false,
  required: ['dataset'],
  definitions: { field: FIELD },
  properties: {
    dataset: {
      type: 'array',
      minItems: 1,
      items: {
        // models.py FidesModel (fides_key required; organization_fides_key, tags, name, description) + Dataset.
        type: 'object',
        additionalProperties: false,
        required: ['fides_key', 'collections'],
        properties: {
          fides_key: FIDES_KEY,
          organization_fides_key: FIDES_KEY,
          tags: { type: ['array', 'null'], items: { type: 'string' } },
          name: { type: ['string', 'null'] },
          description: { type: ['string', 'null'] },
          meta: { type: ['object', 'null'] }, // Optional[Dict]: free-form
          data_categories: { type: ['array', 'null'], items: FIDES_KEY },
          fides_meta: { type: ['object', 'null'] },
          collections: {
            type: 'array',
            items: {
              // models.py DatasetCollection: name and fields required.
              type: 'object',
              additionalProperties: false,
              required: ['name', 'fields'],
              properties: {
                name: { type: 'string' },
                description: { type: ['string', 'null'] },
                data_categories: { type: ['array', 'null'], items: FIDES_KEY },
                fields: { type: 'array', items: { $ref: '#/definitions/field' } },
                fides_meta: { type: ['object', 'null'] },
              },
            },
          },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: true }).compile(FIDESLANG_DATASET_CONFORMANCE);
const KEYS = new Map((taxonomy.data_category as Array<{ fides_key: string; version_deprecated: string | null }>).map((c) => [c.fides_key, c]));

/** True when `key` is a current (not deprecated) category of the fideslang default taxonomy. */
export function isFideslangCategory(key: string): boolean {
  const c = KEYS.get(key);
  return c !== undefined && c.version_deprecated === null;
}

/** Names repeated in a list (validation.py unique_items_in_list refuses them). */
function repeated(items: ReadonlyArray<{ name?: unknown }>): string[] {
  const names = items.map((i) => String(i.name));
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

/**
 * Why `manifest` is not a fideslang dataset manifest fideslang would accept with the default
 * taxonomy, one line each; [] when it is.
 */
export function fidesErrors(manifest: unknown): string[] {
  if (!validate(manifest)) return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}: ${e.message} ${JSON.stringify(e.params)}`);
  const errors: string[] = [];
  const datasets = (manifest as { dataset: any[] }).dataset;
  const keys = datasets.map((d) => d.fides_key);
  for (const k of new Set(keys.filter((k, i) => keys.indexOf(k) !== i))) errors.push(`fides_key ${k} repeated`);
  const checkCategories = (at: string, list: unknown) => {
    for (const key of (list as string[] | null) ?? []) if (!isFideslangCategory(key)) errors.push(`${at}: ${key} is not a category of the fideslang default taxonomy`);
  };
  const checkFields = (at: string, fields: any[]) => {
    for (const name of repeated(fields)) errors.push(`${at}: field ${name} repeated`);
    for (const f of fields) {
      checkCategories(`${at}.${f.name}`, f.data_categories);
      if (f.fields) checkFields(`${at}.${f.name}`, f.fields);
    }
  };
  for (const d of datasets) {
    checkCategories(d.fides_key, d.data_categories);
    for (const name of repeated(d.collections)) errors.push(`${d.fides_key}: collection ${name} repeated`);
    for (const c of d.collections) {
      checkCategories(`${d.fides_key}.${c.name}`, c.data_categories);
      checkFields(`${d.fides_key}.${c.name}`, c.fields);
    }
  }
  return errors;
}
