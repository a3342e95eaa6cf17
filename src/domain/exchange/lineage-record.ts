import type { DataCategoryRow, DataFlowRow, PopulationRow, SystemRow } from '../catalogue/catalogue.rows';
import type { OrganizationRow } from '../organization/organization.rows';

/**
 * Everything a lineage export (OpenLineage events, a Fides dataset manifest) is mapped from: the
 * data flows a caller may read, and the rows they name. The mappers (to-openlineage, to-fides) are
 * pure functions of it. No person-level data: flows, populations and categories only.
 */
export interface LineageExportRecord {
  /** The flows exported, in id order (an insurer's own flows only: the tenant filter chose them). */
  flows: readonly DataFlowRow[];
  /** Every organisation a flow names (source, controller, processor, sub-processor, intermediary) or that runs a system named. */
  organizations: ReadonlyMap<string, OrganizationRow>;
  /** Every system a flow names (source or target). */
  systems: ReadonlyMap<string, SystemRow>;
  populations: ReadonlyMap<string, PopulationRow>;
  /** Every category a flow carries. */
  categories: ReadonlyMap<string, DataCategoryRow>;
}

/** Who holds a population's data: an organisation (a flow's source) or a system (a source or target). */
export interface Holder {
  id: string;
  name: string;
  kind: 'ORGANIZATION' | 'SYSTEM';
  /** The organisation running it, for a system; null for an organisation. */
  operator: OrganizationRow | null;
}

/**
 * One place where data about one population sits: a holder × a population. A flow reads it at
 * its source and writes it at its target, so flows into and out of the same holder about the same
 * population meet on the same data set, and the graph is connected as the flows are.
 */
export interface HeldDataSet {
  /** `<holderId>/<populationId>`: unique, and stable across exports. */
  key: string;
  holder: Holder;
  population: PopulationRow;
  /** Every category a flow brings in or takes out (carried categories, by id), sorted. */
  categoryIds: string[];
  /** Flows whose target it is. */
  inFlowIds: string[];
  /** Flows whose source it is. */
  outFlowIds: string[];
}

/** Throws for a row the record should hold and does not: the loader filled the maps, so this is a bug, not bad input. */
function must<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const row = map.get(id);
  if (row === undefined) throw new Error(`lineage export record: ${what} ${id} is missing`);
  return row;
}

/** The holder with this id: a system when the record has a system of that id, else an organisation. */
export function holderOf(r: LineageExportRecord, id: string): Holder {
  const system = r.systems.get(id);
  if (system) return { id, name: system.name, kind: 'SYSTEM', operator: must(r.organizations, system.operatorId, 'organization') };
  return { id, name: must(r.organizations, id, 'organization').name, kind: 'ORGANIZATION', operator: null };
}

/** The key of the data set a flow reads (`source`) or writes (`target`). */
export function dataSetKey(flow: DataFlowRow, end: 'source' | 'target'): string {
  return `${end === 'source' ? flow.fromId : flow.toId}/${flow.populationId}`;
}

/** Every held data set the record's flows read or write, in key order. */
export function heldDataSets(r: LineageExportRecord): HeldDataSet[] {
  const sets = new Map<string, HeldDataSet>();
  const touch = (flow: DataFlowRow, end: 'source' | 'target'): void => {
    const key = dataSetKey(flow, end);
    let set = sets.get(key);
    if (!set) {
      set = {
        key,
        holder: holderOf(r, end === 'source' ? flow.fromId : flow.toId),
        population: must(r.populations, flow.populationId, 'population'),
        categoryIds: [],
        inFlowIds: [],
        outFlowIds: [],
      };
      sets.set(key, set);
    }
    (end === 'target' ? set.inFlowIds : set.outFlowIds).push(flow.id);
    set.categoryIds = [...new Set([...set.categoryIds, ...flow.categoryIds])].sort();
  };
  // Flows in id order, so each data set's flow lists (and what follows from them) are too.
  for (const flow of [...r.flows].sort((a, b) => a.id.localeCompare(b.id))) {
    touch(flow, 'source');
    touch(flow, 'target');
  }
  return [...sets.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** A party named by a flow, as exports show it. */
export interface PartyRecord {
  id: string;
  name: string;
  kind: string;
}

/** The organisation `id` as a party, or null when the flow names none (null = unknown, never "none"). */
export function partyOf(r: LineageExportRecord, id: string | null): PartyRecord | null {
  if (id === null) return null;
  const org = must(r.organizations, id, 'organization');
  return { id: org.id, name: org.name, kind: org.kind };
}

/** The date `months` after `date` (YYYY-MM-DD), clamped to the month's last day; null when either is unknown. */
export function heldUntil(date: string | null, months: number | null): string | null {
  if (date === null || months === null) return null;
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
