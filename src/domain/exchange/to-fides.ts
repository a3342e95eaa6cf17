import { FIDESLANG_TAXONOMY, fideslangMappingOf, NO_FIDESLANG_EQUIVALENT } from './fideslang-mapping';
import { HeldDataSet, heldDataSets, heldUntil, LineageExportRecord, partyOf } from './lineage-record';
import { gdprRolesOf } from './to-openlineage';

/**
 * The data map as a fideslang dataset manifest (github.com/ethyca/fideslang models.py `Dataset`,
 * the `dataset:` list that `fides push` reads, in JSON or YAML): one Dataset per holder (an
 * organisation or a system: where data sit), one collection per population whose data it holds,
 * one field per data category, with `data_categories` from the catalogue's fideslang keys. A
 * category with no fideslang key gets no data category (never a guessed one) and says so in its
 * description and in the dataset's `meta.unmapped_categories`. Flows, GDPR roles, windows,
 * retention and sources, which fideslang's Dataset has no field for, go in `meta` (free-form in
 * fideslang: "any extra information for a resource").
 */

/** A fideslang manifest (JSON): `{ dataset: Dataset[] }`. */
export type FidesManifest = { dataset: Array<Record<string, unknown>> };

/**
 * A holder's dataset key: a FidesKey (our ids are `[a-z0-9-]`, which FidesKey allows) without a
 * period, since fideslang splits a collection reference (`dataset.collection`) on periods.
 */
export function fidesKeyOf(holderId: string): string {
  return `breach_impact_${holderId}`;
}

/** The fideslang Dataset of one holder, from its held data sets (one collection each). */
function datasetOf(r: LineageExportRecord, sets: HeldDataSet[]): Record<string, unknown> {
  const holder = sets[0].holder;
  const flowById = new Map(r.flows.map((f) => [f.id, f]));
  const mappings = [...new Set(sets.flatMap((s) => s.categoryIds))].sort().map((id) => fideslangMappingOf(r.categories.get(id)!));
  const flowIds = [...new Set(sets.flatMap((s) => [...s.inFlowIds, ...s.outFlowIds]))].sort();
  return {
    fides_key: fidesKeyOf(holder.id),
    organization_fides_key: 'default_organization',
    name: holder.name,
    description: `Personal data held by ${holder.kind === 'SYSTEM' ? `the system ${holder.name}, run by ${holder.operator!.name}` : holder.name}, as breach-impact's data flows record it: one collection per population, one field per data category.`,
    meta: {
      producer: 'breach-impact lineageExport(format: FIDES)',
      holder: { id: holder.id, kind: holder.kind, operator: holder.operator ? partyOf(r, holder.operator.id) : null },
      taxonomy: FIDESLANG_TAXONOMY,
      unmapped_categories: mappings.filter((m) => m.fideslangKey === null).map((m) => ({ id: m.categoryId, name: m.name, fideslang: NO_FIDESLANG_EQUIVALENT })),
      data_flows: flowIds.map((id) => {
        const f = flowById.get(id)!;
        return {
          id,
          direction: f.toId === holder.id ? 'IN' : 'OUT',
          from: f.fromId,
          to: f.toId,
          population: f.populationId,
          categories: [...f.categoryIds].sort(),
          ...gdprRolesOf(r, f),
          valid_from: f.validFrom,
          valid_to: f.validTo,
          retention_months: f.retentionMonths,
          held_until: heldUntil(f.validTo, f.retentionMonths),
          source: f.sourceUrl,
          confidence: f.confidence,
        };
      }),
      unknown: 'null means unknown: no start, end, retention or role known (never "none")',
    },
    collections: sets.map((s) => ({
      name: s.population.id,
      description: `${s.population.name} (${s.population.kind}${s.population.synthetic ? ', synthetic' : ''}): written by ${s.inFlowIds.join(', ') || 'no flow'}; read by ${s.outFlowIds.join(', ') || 'no flow'}.`,
      // fideslang sorts fields by name and rejects repeated names (validation.py): the category ids are unique and sorted.
      fields: s.categoryIds.map((id) => {
        const m = fideslangMappingOf(r.categories.get(id)!);
        return { name: id, description: `${m.name} (${m.note})`, data_categories: m.fideslangKey === null ? [] : [m.fideslangKey] };
      }),
    })),
  };
}

/**
 * The record as a fideslang manifest: one Dataset per holder (by fides_key), its collections by
 * population id, as fideslang itself sorts them, so re-exporting the same graph gives the same
 * document.
 */
export function toFidesManifest(r: LineageExportRecord): FidesManifest {
  const byHolder = new Map<string, HeldDataSet[]>();
  for (const set of heldDataSets(r)) byHolder.set(set.holder.id, [...(byHolder.get(set.holder.id) ?? []), set]);
  const datasets = [...byHolder.values()].map((sets) => datasetOf(r, [...sets].sort((a, b) => a.population.id.localeCompare(b.population.id))));
  return { dataset: datasets.sort((a, b) => String(a.fides_key).localeCompare(String(b.fides_key))) };
}
