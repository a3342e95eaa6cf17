import type { DataFlowRow } from '../catalogue/catalogue.rows';
import { sourceUrlOf } from './breach-record';
import { fideslangMappingOf } from './fideslang-mapping';
import { dataSetKey, HeldDataSet, heldDataSets, heldUntil, holderOf, LineageExportRecord, partyOf, PartyRecord } from './lineage-record';

/**
 * Data flows as OpenLineage 2 static lineage (spec 2-0-2, github.com/OpenLineage/OpenLineage
 * spec/OpenLineage.json). Why static lineage: a data flow is a standing arrangement (an insurer
 * sends its members' data to an operator's platform while the contract lasts), not a run with a
 * start and an end; RunEvents would need invented run ids and times. So:
 * - one `DatasetEvent` per held data set (a holder × a population: data about the AMAE insured
 *   on the Viamedis platform), with its schema (the categories, tagged with their fideslang keys),
 *   documentation, ownership (GDPR roles) and a custom population facet;
 * - one `JobEvent` per flow (the job), reading the data set at its source and writing the one at
 *   its target, with documentation, job type, ownership and custom facets for the GDPR roles,
 *   the validity window and retention, the categories carried and the provenance.
 * Marquez (≥ 0.50) takes both on `POST /api/v1/lineage`. No person-level data.
 */

/** The OpenLineage spec version the events follow (its `$id`). */
export const OPENLINEAGE_SPEC = 'https://openlineage.io/spec/2-0-2/OpenLineage.json';

/**
 * The `producer` of every event and `_producer` of every facet. breach-impact has no public home,
 * so the host is under the reserved `.invalid` TLD: a URI that names us and resolves nowhere.
 */
export const LINEAGE_PRODUCER = 'https://breach-impact.invalid/exchange/openlineage/1.0.0';

/** The namespace of every job and data set (one namespace: our ids are unique across kinds). */
export const LINEAGE_NAMESPACE = 'breach-impact';

/** `$id` of our custom facets' JSON Schema (schema/openlineage-facets.json). */
export const CUSTOM_FACETS_SCHEMA = 'https://breach-impact.invalid/spec/facets/1-0-0/BreachImpactFacets.json';

/** `_schemaURL` of each facet the export emits: standard facets at the version vendored in test/exchange/openlineage-2-0-2. */
export const FACET_SCHEMA_URLS = {
  schema: 'https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet',
  datasetDocumentation: 'https://openlineage.io/spec/facets/1-1-0/DocumentationDatasetFacet.json#/$defs/DocumentationDatasetFacet',
  datasetOwnership: 'https://openlineage.io/spec/facets/1-0-1/OwnershipDatasetFacet.json#/$defs/OwnershipDatasetFacet',
  tags: 'https://openlineage.io/spec/facets/1-0-0/TagsDatasetFacet.json#/$defs/TagsDatasetFacet',
  jobDocumentation: 'https://openlineage.io/spec/facets/1-1-0/DocumentationJobFacet.json#/$defs/DocumentationJobFacet',
  jobType: 'https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet',
  jobOwnership: 'https://openlineage.io/spec/facets/1-0-1/OwnershipJobFacet.json#/$defs/OwnershipJobFacet',
  population: `${CUSTOM_FACETS_SCHEMA}#/$defs/PopulationDatasetFacet`,
  gdprRoles: `${CUSTOM_FACETS_SCHEMA}#/$defs/GdprRolesJobFacet`,
  validity: `${CUSTOM_FACETS_SCHEMA}#/$defs/ValidityJobFacet`,
  dataCategories: `${CUSTOM_FACETS_SCHEMA}#/$defs/DataCategoriesJobFacet`,
  provenance: `${CUSTOM_FACETS_SCHEMA}#/$defs/ProvenanceJobFacet`,
} as const;

/** An OpenLineage event (JSON). */
export type OpenLineageEvent = Record<string, unknown>;

/** A facet: its fields, with `_producer` and `_schemaURL` as every facet must carry (BaseFacet). */
function facet(schema: keyof typeof FACET_SCHEMA_URLS, fields: Record<string, unknown>): Record<string, unknown> {
  return { _producer: LINEAGE_PRODUCER, _schemaURL: FACET_SCHEMA_URLS[schema], ...fields };
}

/** An owner entry of the ownership facets: a URN-like name, as the spec recommends, and a GDPR role. */
function owner(party: PartyRecord, type: string): { name: string; type: string } {
  return { name: `organization:${party.id}`, type };
}

/** Owners without repeats, in first-seen order. */
function uniqueOwners(owners: Array<{ name: string; type: string }>): Array<{ name: string; type: string }> {
  const seen = new Set<string>();
  return owners.filter((o) => {
    const key = `${o.type} ${o.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The GDPR roles of a flow, each a party or null (null: the record names none, which means unknown). */
export function gdprRolesOf(r: LineageExportRecord, flow: DataFlowRow): { controller: PartyRecord | null; processor: PartyRecord | null; subProcessor: PartyRecord | null; intermediary: PartyRecord | null } {
  return {
    controller: partyOf(r, flow.controllerId),
    processor: partyOf(r, flow.processorId),
    subProcessor: partyOf(r, flow.subProcessorId),
    intermediary: partyOf(r, flow.viaId),
  };
}

/** The flow's GDPR roles as ownership entries (CONTROLLER, PROCESSOR, SUB_PROCESSOR, INTERMEDIARY). */
function roleOwners(r: LineageExportRecord, flow: DataFlowRow, which: ReadonlyArray<'controller' | 'processor' | 'subProcessor' | 'intermediary'>): Array<{ name: string; type: string }> {
  const roles = gdprRolesOf(r, flow);
  const TYPE = { controller: 'CONTROLLER', processor: 'PROCESSOR', subProcessor: 'SUB_PROCESSOR', intermediary: 'INTERMEDIARY' } as const;
  return which.flatMap((role) => (roles[role] ? [owner(roles[role]!, TYPE[role])] : []));
}

/** "1 data category", "7 data categories". */
function categoriesText(n: number): string {
  return `${n} data ${n === 1 ? 'category' : 'categories'}`;
}

/** "AMAE sends 7 data categories about AMAE insured to Viamedis tiers-payant platform (run by Viamedis); …": a flow in one paragraph. */
export function describeFlow(r: LineageExportRecord, flow: DataFlowRow): string {
  const from = holderOf(r, flow.fromId);
  const to = holderOf(r, flow.toId);
  const population = r.populations.get(flow.populationId)!;
  const roles = gdprRolesOf(r, flow);
  const name = (p: PartyRecord | null, unknown: string) => (p ? p.name : unknown);
  const parts = [
    `${from.name} sends ${categoriesText(flow.categoryIds.length)} about ${population.name} to ${to.name}${to.operator ? ` (run by ${to.operator.name})` : ''}${roles.intermediary ? `, through ${roles.intermediary.name} (${roles.intermediary.kind})` : ''}.`,
    `Controller: ${name(roles.controller, 'not named by the record (unknown)')}; processor: ${name(roles.processor, 'unknown')}${roles.subProcessor ? `; sub-processor: ${roles.subProcessor.name}` : ''}.`,
    `Valid ${flow.validFrom ? `from ${flow.validFrom}` : 'from an unknown date'} ${flow.validTo ? `to ${flow.validTo}` : 'with no end known'}; retention ${flow.retentionMonths === null ? 'unknown' : `${flow.retentionMonths} months after the end`}.`,
    `Source: ${flow.sourceUrl ?? 'unknown'} (confidence ${flow.confidence ?? 'unknown'}).`,
  ];
  if (flow.note) parts.push(flow.note);
  return parts.join(' ');
}

/** The DatasetEvent of one held data set. */
function datasetEvent(r: LineageExportRecord, flowById: ReadonlyMap<string, DataFlowRow>, set: HeldDataSet, eventTime: string): OpenLineageEvent {
  const mappings = set.categoryIds.map((id) => fideslangMappingOf(r.categories.get(id)!));
  const flows = [...set.inFlowIds, ...set.outFlowIds].map((id) => flowById.get(id)!);
  const inFlows = set.inFlowIds.map((id) => flowById.get(id)!);
  const p = set.population;
  const holderText = set.holder.kind === 'SYSTEM' ? `the system ${set.holder.name} (run by ${set.holder.operator!.name})` : `${set.holder.name}`;
  return {
    eventTime,
    producer: LINEAGE_PRODUCER,
    schemaURL: `${OPENLINEAGE_SPEC}#/$defs/DatasetEvent`,
    dataset: {
      namespace: LINEAGE_NAMESPACE,
      name: set.key,
      facets: {
        documentation: facet('datasetDocumentation', {
          description: `Data about ${p.name} (${p.kind}) held by ${holderText}: ${categoriesText(mappings.length)}, written by ${set.inFlowIds.length} data flow(s) and read by ${set.outFlowIds.length}.`,
        }),
        schema: facet('schema', {
          fields: mappings.map((m, i) => ({ name: m.categoryId, description: `${m.name} (${m.note})`, ordinal_position: i + 1 })),
        }),
        tags: facet('tags', {
          tags: mappings.map((m) => ({ key: 'fideslang', value: m.fideslangKey ?? 'none: no fideslang equivalent', source: 'breach-impact catalogue', field: m.categoryId })),
        }),
        // The controllers deciding about these data, and the processors keeping them on their behalf where the data set is a flow's target.
        ownership: facet('datasetOwnership', {
          owners: uniqueOwners([...flows.flatMap((f) => roleOwners(r, f, ['controller'])), ...inFlows.flatMap((f) => roleOwners(r, f, ['processor', 'subProcessor']))]),
        }),
        breachImpact_population: facet('population', {
          population: {
            id: p.id,
            name: p.name,
            kind: p.kind,
            size: p.size,
            sizeQualifier: p.sizeQualifier,
            owner: partyOf(r, p.ownerId),
            synthetic: p.synthetic === true,
            cutOff: p.cutOff ? { date: p.cutOff.date, note: p.cutOff.note, source: p.cutOff.sourceUrl, confidence: p.cutOff.confidence } : null,
            source: p.sourceUrl,
            confidence: p.confidence,
          },
          holder: { id: set.holder.id, name: set.holder.name, kind: set.holder.kind, operator: set.holder.operator ? partyOf(r, set.holder.operator.id) : null },
        }),
      },
    },
  };
}

/** The JobEvent of one flow. */
function jobEvent(r: LineageExportRecord, flow: DataFlowRow, eventTime: string): OpenLineageEvent {
  const roles = gdprRolesOf(r, flow);
  return {
    eventTime,
    producer: LINEAGE_PRODUCER,
    schemaURL: `${OPENLINEAGE_SPEC}#/$defs/JobEvent`,
    job: {
      namespace: LINEAGE_NAMESPACE,
      name: flow.id,
      facets: {
        documentation: facet('jobDocumentation', { description: describeFlow(r, flow), contentType: 'text/plain' }),
        // A standing transfer for as long as the flow is valid: no run starts or completes.
        jobType: facet('jobType', { processingType: 'STREAMING', integration: 'BREACH_IMPACT', jobType: 'DATA_FLOW' }),
        ownership: facet('jobOwnership', { owners: roleOwners(r, flow, ['controller', 'processor', 'subProcessor', 'intermediary']) }),
        breachImpact_gdprRoles: facet('gdprRoles', roles),
        breachImpact_validity: facet('validity', {
          validFrom: flow.validFrom,
          validTo: flow.validTo,
          retentionMonths: flow.retentionMonths,
          heldUntil: heldUntil(flow.validTo, flow.retentionMonths),
        }),
        breachImpact_dataCategories: facet('dataCategories', {
          categories: [...flow.categoryIds].sort().map((id) => {
            const m = fideslangMappingOf(r.categories.get(id)!);
            return { id, name: m.name, fideslangKey: m.fideslangKey, fideslang: m.note };
          }),
        }),
        breachImpact_provenance: facet('provenance', { source: flow.sourceUrl, sourceUrl: sourceUrlOf(flow.sourceUrl), confidence: flow.confidence, note: flow.note }),
      },
    },
    inputs: [{ namespace: LINEAGE_NAMESPACE, name: dataSetKey(flow, 'source') }],
    outputs: [{ namespace: LINEAGE_NAMESPACE, name: dataSetKey(flow, 'target') }],
  };
}

/**
 * The record as OpenLineage events: every DatasetEvent (by data-set key), then every JobEvent (by
 * flow id), all at `eventTime` (ISO 8601 date-time: when the export was made, the time the
 * metadata is stated at). Each event can be POSTed as is to an OpenLineage endpoint.
 */
export function toOpenLineageEvents(r: LineageExportRecord, eventTime: string): OpenLineageEvent[] {
  const flows = [...r.flows].sort((a, b) => a.id.localeCompare(b.id));
  const flowById = new Map(flows.map((f) => [f.id, f]));
  return [...heldDataSets(r).map((set) => datasetEvent(r, flowById, set, eventTime)), ...flows.map((f) => jobEvent(r, f, eventTime))];
}
