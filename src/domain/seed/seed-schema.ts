import fs from 'node:fs';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { isCalendarDate } from '../common/calendar-date';
import type { SeedProblem } from './seed-problem';
import { fromRoot } from '../../config/paths';

/**
 * The published JSON Schema of seed files. Resolved from this module's folder like `cypher/`
 * is (src/seed/ under ts-jest and tsx, dist/seed/ after `npm run build`: both are two levels
 * below the project root), so the build copies nothing and the file users read is the one checked.
 */
export const SEED_SCHEMA_FILE = fromRoot('schema', 'seed.schema.json');

// What each reusable definition of the schema means, said the way the messages always have.
const DEF_MESSAGES: Record<string, string> = {
  datasetName: 'must be a kebab-case name',
  id: 'must be a kebab-case id',
  reference: 'must be an id (a string)',
  referenceOrNull: 'must be an id (a string) or null',
  name: 'must be a non-empty string',
  textOrNull: 'must be a non-empty string or null',
  date: 'must be a YYYY-MM-DD date that exists',
  dateOrNull: 'must be a YYYY-MM-DD date that exists, or null',
  count: 'must be a non-negative number or null',
  attackTechniqueId: 'must be an ATT&CK id such as T1078 or T1598.003',
};
const TYPE_WORDS: Record<string, string> = { string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', array: 'a list', object: 'an object', null: 'null' };

let compiled: ValidateFunction | undefined;

/**
 * The seed schema compiled with ajv (JSON Schema draft 2020-12, every error collected), with
 * the `calendar-date` format bound to {@link isCalendarDate}. Compiled once, on first use.
 */
export function seedSchemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addFormat('calendar-date', { type: 'string', validate: isCalendarDate });
    compiled = ajv.compile(JSON.parse(fs.readFileSync(SEED_SCHEMA_FILE, 'utf8')) as object);
  }
  return compiled;
}

/** Splits an ajv instance path (`/populations/0/owner`) into keys and list indexes. */
function pathOf(instancePath: string): Array<string | number> {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((t) => (/^\d+$/.test(t) ? Number(t) : t));
}

function valueAt(seed: unknown, at: ReadonlyArray<string | number>): unknown {
  let node = seed;
  for (const token of at) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[token] : undefined;
  return node;
}

/** Turns one ajv error into a problem naming the field, with the message the format has always used. */
function toProblem(seed: unknown, e: ErrorObject): SeedProblem {
  const at = pathOf(e.instancePath);
  const def = /^#\/\$defs\/([^/]+)\/[^/]+$/.exec(e.schemaPath)?.[1];
  switch (e.keyword) {
    case 'required':
      return { at: [...at, (e.params as { missingProperty: string }).missingProperty], why: 'is missing' };
    case 'unevaluatedProperties':
    case 'additionalProperties': {
      const p = e.params as { unevaluatedProperty?: string; additionalProperty?: string };
      const name = p.unevaluatedProperty ?? p.additionalProperty ?? '';
      return { at: [...at, name], value: valueAt(seed, [...at, name]), why: 'is not a field of this record (see schema/seed.schema.json)' };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      const named = allowed.filter((v) => v !== null).join(', ');
      return { at, value: valueAt(seed, at), why: `must be one of ${named}${allowed.includes(null) ? ' or null' : ''}` };
    }
    case 'minItems':
      return { at, value: valueAt(seed, at), why: 'must list at least one item' };
  }
  if (def && DEF_MESSAGES[def]) return { at, value: valueAt(seed, at), why: DEF_MESSAGES[def] };
  if (e.keyword === 'type') {
    const types = ([] as string[]).concat((e.params as { type: string | string[] }).type);
    return { at, value: valueAt(seed, at), why: `must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}` };
  }
  return { at, value: valueAt(seed, at), why: e.message ?? `breaks the schema rule "${e.keyword}"` };
}

/**
 * Checks a parsed seed file against `schema/seed.schema.json`: shapes, required fields, ids,
 * enumerations, calendar dates. Returns every problem (none when the file conforms); what a
 * schema cannot express, such as references between records, is checked by `seed-references.ts`.
 */
export function seedSchemaProblems(seed: unknown): SeedProblem[] {
  const validate = seedSchemaValidator();
  if (validate(seed)) return [];
  return (validate.errors ?? []).map((e) => toProblem(seed, e));
}
