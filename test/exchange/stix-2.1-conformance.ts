import Ajv, { ValidateFunction } from 'ajv';

/**
 * Our own compact JSON Schema of what a STIX 2.1 bundle of the export must hold, written from the
 * published OASIS schemas (github.com/oasis-open/cti-stix2-json-schemas, `schemas/…` on the
 * default branch). Each rule cites its file and property. It checks the required properties, the
 * identifier and timestamp formats, and the vocabularies (identity-class-ov,
 * industry-sector-ov) of the object types the export emits.
 *
 * One deliberate difference: `common/bundle.json` lists the SDOs a bundle may hold and
 * `sdos/incident.json` is not among them; its branch for other objects requires exactly one of
 * `core.json` / `cyber-observable-core.json`, and an incident satisfies both, so no incident
 * passes `bundle.json` as published (the same defect as upstream issues #133, infrastructure,
 * and #147, malware-analysis). Here each object is checked against its own type's rules instead.
 * Test support only: the API never validates against it.
 */

// common/identifier.json: `type--UUID`, UUID versions 1-5, RFC 4122 variant.
const IDENTIFIER = '^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';
// common/timestamp.json, narrowed by core.json created/modified ("timestamp_millis": precise to the millisecond).
const TIMESTAMP_MILLIS = '^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)\\.[0-9]{3,}Z$';
// core.json properties (common to every SDO and SRO).
const CORE = ['type', 'spec_version', 'id', 'created_by_ref', 'labels', 'created', 'modified', 'revoked', 'confidence', 'lang', 'external_references', 'object_marking_refs', 'granular_markings', 'extensions'];

/** Rules of core.json plus one object type's own properties (`own`) and required ones. */
function sdo(type: string, own: string[], required: string[], properties: Record<string, unknown>): Record<string, unknown> {
  return {
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: {
      type: 'object',
      // core.json required
      required: ['type', 'spec_version', 'id', 'created', 'modified', ...required],
      // core.json `not`: none of these reserved names.
      not: { anyOf: [{ required: ['severity'] }, { required: ['action'] }, { required: ['username'] }, { required: ['phone_numbers'] }] },
      // properties.json: names `[a-z][a-z0-9_]{2,249}` (and `id`); STIX 2.1 §11.1: custom properties start `x_`.
      propertyNames: { anyOf: [{ enum: [...CORE, ...own] }, { pattern: '^x_[a-z0-9_]{2,247}$' }] },
      properties: {
        id: { type: 'string', pattern: `^${type}--` },
        spec_version: { const: '2.1' }, // core.json spec_version enum ["2.0", "2.1"]; this export is 2.1
        created: { type: 'string', pattern: TIMESTAMP_MILLIS },
        modified: { type: 'string', pattern: TIMESTAMP_MILLIS },
        confidence: { type: 'integer', minimum: 0, maximum: 100 }, // core.json confidence
        labels: { type: 'array', minItems: 1, items: { type: 'string' } },
        external_references: { type: 'array', minItems: 1, items: { $ref: '#/definitions/externalReference' } },
        ...properties,
      },
    },
  };
}

export const STIX_2_1_CONFORMANCE = {
  type: 'object',
  definitions: {
    identifier: { type: 'string', pattern: IDENTIFIER },
    // common/external-reference.json: source_name required, and one of external_id, description, url;
    // source_name "cve"/"capec" only with their id formats (the export uses neither).
    externalReference: {
      type: 'object',
      required: ['source_name'],
      anyOf: [{ required: ['external_id'] }, { required: ['description'] }, { required: ['url'] }],
      properties: {
        source_name: { type: 'string', not: { pattern: '^((cve)|(capec))$' } },
        external_id: { type: 'string' },
        description: { type: 'string' },
        url: { type: 'string', pattern: '^https?://' },
      },
    },
  },
  // common/bundle.json: required ["type", "id"]; type "bundle"; id `bundle--…`; objects minItems 1.
  required: ['type', 'id', 'objects'],
  properties: {
    type: { const: 'bundle' },
    id: { type: 'string', pattern: '^bundle--', allOf: [{ $ref: '#/definitions/identifier' }] },
    objects: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['type', 'id'],
        properties: {
          type: { enum: ['incident', 'identity', 'attack-pattern', 'relationship'] }, // the types this export emits
          id: { $ref: '#/definitions/identifier' },
        },
        allOf: [
          // sdos/incident.json: required ["name"]; name, description strings.
          sdo('incident', ['name', 'description'], ['name'], { name: { type: 'string', minLength: 1 }, description: { type: 'string' } }),
          // sdos/identity.json: required ["name"]; roles and sectors minItems 1.
          sdo('identity', ['name', 'description', 'roles', 'identity_class', 'sectors', 'contact_information'], ['name'], {
            name: { type: 'string', minLength: 1 },
            roles: { type: 'array', minItems: 1, items: { type: 'string' } },
            // sdos/identity.json definitions.identity-class-ov
            identity_class: { enum: ['individual', 'group', 'system', 'organization', 'class', 'unknown'] },
            // sdos/identity.json definitions.industry-sector-ov
            sectors: {
              type: 'array',
              minItems: 1,
              items: {
                enum: [
                  'agriculture', 'aerospace', 'automotive', 'chemical', 'commercial', 'communications', 'construction', 'defense', 'education', 'energy', 'engineering',
                  'entertainment', 'financial-services', 'government', 'emergency-services', 'government-local', 'government-national', 'government-public-services',
                  'government-regional', 'healthcare', 'hospitality-leisure', 'infrastructure', 'dams', 'nuclear', 'water', 'insurance', 'manufacturing', 'mining',
                  'non-profit', 'pharmaceuticals', 'retail', 'technology', 'telecommunications', 'transportation', 'utilities',
                ],
              },
            },
          }),
          // sdos/attack-pattern.json: required ["name"]; kill_chain_phases minItems 1, each (common/kill-chain-phase.json) required ["kill_chain_name", "phase_name"].
          sdo('attack-pattern', ['name', 'description', 'aliases', 'kill_chain_phases'], ['name'], {
            name: { type: 'string', minLength: 1 },
            kill_chain_phases: {
              type: 'array',
              minItems: 1,
              items: { type: 'object', required: ['kill_chain_name', 'phase_name'], properties: { kill_chain_name: { type: 'string' }, phase_name: { type: 'string' } } },
            },
          }),
          // sros/relationship.json: required ["relationship_type", "source_ref", "target_ref"]; relationship_type `^[a-z0-9\-]+$`;
          // refs are identifiers that are not relationships, sightings, bundles, marking definitions or language contents.
          sdo('relationship', ['relationship_type', 'description', 'source_ref', 'target_ref', 'start_time', 'stop_time'], ['relationship_type', 'source_ref', 'target_ref'], {
            relationship_type: { type: 'string', pattern: '^[a-z0-9\\-]+$' },
            source_ref: { type: 'string', pattern: IDENTIFIER, not: { pattern: '^(relationship|sighting|bundle|marking-definition|language-content)--.+$' } },
            target_ref: { type: 'string', pattern: IDENTIFIER, not: { pattern: '^(relationship|sighting|bundle|marking-definition|language-content)--.+$' } },
          }),
        ],
      },
    },
  },
} as const;

let compiled: ValidateFunction | undefined;

/** Validates `doc` against {@link STIX_2_1_CONFORMANCE}; returns ajv's errors (empty when it conforms). */
export function stixErrors(doc: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(STIX_2_1_CONFORMANCE);
  return compiled(doc) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Referential integrity the schemas cannot express: every `*_ref` of the bundle names an object of the bundle, and ids are unique. */
export function danglingRefs(bundle: { objects: Array<Record<string, unknown>> }): string[] {
  const ids = new Set(bundle.objects.map((o) => o.id as string));
  const problems = bundle.objects.length === ids.size ? [] : ['duplicate ids'];
  for (const o of bundle.objects) for (const k of ['source_ref', 'target_ref', 'created_by_ref']) if (typeof o[k] === 'string' && !ids.has(o[k] as string)) problems.push(`${o.id as string}.${k} → ${o[k] as string}`);
  return problems;
}
