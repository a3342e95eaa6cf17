import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Conformance of lineage exports to the published OpenLineage JSON Schema. The files in
 * `openlineage-2-0-2/` are copied verbatim from github.com/OpenLineage/OpenLineage at
 * 8f02abfb7a252783b95df79f443edb13959bf52c (`spec/OpenLineage.json`, `$id` …/spec/2-0-2/, last
 * changed in a81dabd; and the `spec/facets/*.json` the export uses), plus our own custom facets'
 * schema, `schema/openlineage-facets.json`. Every event is validated against OpenLineage.json
 * (which is `oneOf` RunEvent, DatasetEvent, JobEvent), and every facet against the schema its
 * `_schemaURL` names: a facet pointing at a schema not vendored here is an error, never skipped.
 * Test support only: the API never validates against it.
 */

const DIR = path.join(__dirname, 'openlineage-2-0-2');
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/** The vendored schemas, by `$id`. */
export const OPENLINEAGE_SCHEMAS: ReadonlyArray<Record<string, unknown>> = [
  ...fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => read(path.join(DIR, f))),
  read(path.join(__dirname, '../../schema/openlineage-facets.json')),
];

let ajv: Ajv2020 | null = null;
let eventSchema: ValidateFunction | null = null;

/** One Ajv (draft 2020-12, formats on) holding every vendored schema; `example` is the spec's annotation keyword. */
function compiled(): { ajv: Ajv2020; event: ValidateFunction } {
  if (!ajv || !eventSchema) {
    ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    addFormats(ajv);
    ajv.addKeyword({ keyword: 'example', schemaType: ['string', 'number', 'integer', 'boolean', 'object', 'array'] });
    for (const schema of OPENLINEAGE_SCHEMAS) ajv.addSchema(schema);
    eventSchema = ajv.getSchema('https://openlineage.io/spec/2-0-2/OpenLineage.json')!;
  }
  return { ajv, event: eventSchema };
}

/** Every facet of an event, with where it sits (`job.facets.ownership`, `dataset.facets.schema`, …). */
function facetsOf(event: any): Array<{ at: string; facet: any }> {
  const out: Array<{ at: string; facet: any }> = [];
  const add = (at: string, facets: unknown) => {
    if (facets && typeof facets === 'object') for (const [name, facet] of Object.entries(facets)) out.push({ at: `${at}.${name}`, facet });
  };
  add('job.facets', event?.job?.facets);
  add('run.facets', event?.run?.facets);
  add('dataset.facets', event?.dataset?.facets);
  for (const [list, key] of [['inputs', 'inputFacets'], ['outputs', 'outputFacets']] as const) {
    (Array.isArray(event?.[list]) ? event[list] : []).forEach((d: any, i: number) => {
      add(`${list}[${i}].facets`, d?.facets);
      add(`${list}[${i}].${key}`, d?.[key]);
    });
  }
  return out;
}

/**
 * Why `event` does not conform, one line each; [] when it does. Checks the event against the
 * published OpenLineage.json, then each facet against the vendored schema its `_schemaURL` names.
 */
export function openLineageErrors(event: unknown): string[] {
  const { ajv, event: validate } = compiled();
  const errors: string[] = [];
  if (!validate(event)) errors.push(...(validate.errors ?? []).map((e) => `event${e.instancePath} ${e.keyword}: ${e.message} ${JSON.stringify(e.params)}`));
  // The kind the event's schemaURL states must be the branch it matches.
  const kind = eventKind(event);
  const asStated = kind ? ajv.getSchema(`https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/${kind}`) : undefined;
  if (!asStated) errors.push(`event.schemaURL ${JSON.stringify((event as any)?.schemaURL)} names no event kind of OpenLineage 2-0-2`);
  else if (!asStated(event)) errors.push(...(asStated.errors ?? []).map((e) => `event as ${kind}${e.instancePath} ${e.keyword}: ${e.message}`));
  for (const { at, facet } of facetsOf(event)) {
    const url = facet?._schemaURL;
    const check = typeof url === 'string' ? ajv.getSchema(url) : undefined;
    if (!check) {
      errors.push(`${at}: _schemaURL ${JSON.stringify(url)} names no vendored schema`);
      continue;
    }
    if (!check(facet)) errors.push(...(check.errors ?? []).map((e) => `${at}${e.instancePath} ${e.keyword}: ${e.message} ${JSON.stringify(e.params)}`));
  }
  return errors;
}

/** Which of the three event kinds the event's `schemaURL` says it is (the oneOf branch it must match). */
export function eventKind(event: any): 'RunEvent' | 'DatasetEvent' | 'JobEvent' | null {
  const m = /#\/\$defs\/(RunEvent|DatasetEvent|JobEvent)$/.exec(String(event?.schemaURL));
  return m ? (m[1] as 'RunEvent' | 'DatasetEvent' | 'JobEvent') : null;
}
