import { WHAT_IF_ID, type ContractAggregatesRow, type CountRow, type ImpactPathRow, type ImpactPathsRow } from './impact.rows';

/**
 * The breakdown arithmetic of an impact answer: pure functions from the population-level paths
 * (impact-paths) and the contract-level counts (contract aggregates) to the rows the GraphQL types
 * show. No I/O and no request state, so each is unit-tested on its own (breakdown.test.ts).
 */

/** A path with the breach it belongs to (for its first hop). */
export type PathRoot = ImpactPathRow & { breachId: string; networkId?: string | null };

/** Totals as counted; the population figures load only when asked for. */
export interface TotalsRoot {
  people: number;
  contracts: number;
  insurers: number;
  populationIds: string[];
}

/** One insurer's share of a breach. */
export interface InsurerImpactRoot {
  insurerId: string;
  people: number;
  contracts: number;
  bases: Array<'ACTIVE' | 'RETAINED'>;
  paths: PathRoot[];
}

/** One partner's (operator's or care network's) share of a breach. */
export interface PartnerImpactRoot {
  partnerId: string;
  role: 'OPERATOR' | 'CARE_NETWORK' | 'INTERMEDIARY';
  people: number;
  contracts: number;
  insurers: number;
}

/** One exposed data category's share of a breach. */
export interface CategoryImpactRoot {
  categoryId: string;
  subjects: string[];
  /** Counted insured people and contracts (0 when the category was not exposed for insured people: see `subjects`). */
  people: number;
  contracts: number;
  populations: number;
  /** The professionals' populations reached with this category (their reported figures count them, apart from insured people). */
  professionalPopulationIds: string[];
}

/** An insurer reached by any of several breaches. */
export interface AffectedInsurerRoot {
  insurerId: string;
  breachIds: string[];
  paths: PathRoot[];
  affectedByAll: boolean;
}

/** One hop of an impact path, breach first, population last. */
export interface Hop {
  kind: 'BREACH' | 'SYSTEM' | 'OPERATOR' | 'PARTNER' | 'CONTROLLER' | 'POPULATION';
  id: string;
  gdprRole: 'CONTROLLER' | 'PROCESSOR' | 'SUB_PROCESSOR' | null;
}

/** The values of a list, each once, in first-seen order. */
export const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

const countOf = (rows: CountRow[], id: string) => rows.find((r) => r.id === id);

/**
 * The paths to insured people whose controller (the insurer) is known. A path with a null
 * controllerId (a broker's clients, whose insurers the record does not name) reaches insured
 * people but never counts as an insurer.
 */
export function insuredPaths<P extends ImpactPathRow>(paths: P[]): Array<P & { controllerId: string }> {
  return paths.filter((p): p is P & { controllerId: string } => p.populationKind === 'INSURED' && p.controllerId !== null && p.controllerId !== undefined);
}

/** The insurers (controllers of insured people) a breach's paths reach, each once, in path order. */
export function insurerIdsOf(paths: ImpactPathsRow): string[] {
  return uniq(insuredPaths(paths.paths).map((p) => p.controllerId));
}

/** The counts of an answer that reaches nobody (what a live count returns then). */
export function emptyAggregates(key: string): ContractAggregatesRow {
  return { key, people: 0, contracts: 0, byInsurer: [], byOperator: [], byNetwork: [], byCategory: [] };
}

/**
 * The paths of an answer, each carrying its breach id, one per route its counted contracts take:
 * through each care network they name (networkId, a PARTNER hop) and, when some name none, direct.
 * So every partner a breakdown counts shows on a path, hop by hop (issue #11 §7).
 */
export function withBreach(row: ImpactPathsRow): PathRoot[] {
  return row.paths.flatMap((p) => {
    const routes = p.viaId || !p.networkRoutes || p.networkRoutes.length === 0 ? [null] : [...p.networkRoutes].sort().map((r) => (r === '' ? null : r));
    return routes.map((networkId) => ({ ...p, breachId: row.breachId, networkId }));
  });
}

/**
 * Insurers reached by any of the breaches `ids` (answers in the same order), with the breaches
 * reaching each: most breaches first, then by id. Only insured people's paths count, since an
 * insurer is the controller of insured people.
 */
export function affectedInsurers(ids: string[], answers: ImpactPathsRow[]): AffectedInsurerRoot[] {
  const byInsurer = new Map<string, PathRoot[]>();
  for (const answer of answers) {
    for (const p of insuredPaths(withBreach(answer))) {
      byInsurer.set(p.controllerId, [...(byInsurer.get(p.controllerId) ?? []), p]);
    }
  }
  return [...byInsurer.entries()]
    .map(([insurerId, paths]) => {
      const reached = uniq(paths.map((p) => p.breachId));
      return { insurerId, paths, breachIds: ids.filter((id) => reached.includes(id)), affectedByAll: reached.length === ids.length };
    })
    .sort((a, b) => b.breachIds.length - a.breachIds.length || a.insurerId.localeCompare(b.insurerId));
}

/** Totals: counted people and contracts, insurers and populations from the paths. */
export function totalsOf(paths: ImpactPathsRow, agg: ContractAggregatesRow): TotalsRoot {
  return {
    people: agg.people,
    contracts: agg.contracts,
    insurers: insurerIdsOf(paths).length,
    populationIds: uniq(paths.paths.map((p) => p.populationId)),
  };
}

/** Per insurer (controller of insured people), most people first; an insurer without counted contracts shows 0. */
export function byInsurerOf(paths: ImpactPathsRow, agg: ContractAggregatesRow): InsurerImpactRoot[] {
  const insured = insuredPaths(withBreach(paths));
  return uniq(insured.map((p) => p.controllerId))
    .map((insurerId) => {
      const mine = insured.filter((p) => p.controllerId === insurerId);
      const c = countOf(agg.byInsurer, insurerId);
      return { insurerId, people: c?.people ?? 0, contracts: c?.contracts ?? 0, bases: uniq(mine.map((p) => p.basis)).sort(), paths: mine };
    })
    .sort((a, b) => b.people - a.people || a.insurerId.localeCompare(b.insurerId));
}

/**
 * Per partner: the operators whose systems were hit (in path order), then care networks, most
 * people first. A network counts when a path goes through it or when counted contracts name it.
 */
export function byPartnerOf(paths: ImpactPathsRow, agg: ContractAggregatesRow): PartnerImpactRoot[] {
  const insurersVia = (pred: (p: ImpactPathRow) => boolean) =>
    uniq(insuredPaths(paths.paths).filter(pred).map((p) => p.controllerId)).length;
  const operators = uniq(paths.paths.map((p) => p.operatorId)).map((id) => ({
    partnerId: id,
    role: 'OPERATOR' as const,
    people: countOf(agg.byOperator, id)?.people ?? 0,
    contracts: countOf(agg.byOperator, id)?.contracts ?? 0,
    insurers: insurersVia((p) => p.operatorId === id),
  }));
  const networkIds = uniq([...paths.paths.flatMap((p) => (p.viaId ? [p.viaId] : [])), ...agg.byNetwork.map((n) => n.id)]);
  // A VIA organisation that is no care network (a broker) is shown as the intermediary it is.
  const intermediaries = new Set(paths.paths.filter((p) => p.viaId && p.viaRole === 'INTERMEDIARY').map((p) => p.viaId));
  const networks = networkIds.map((id) => ({
    partnerId: id,
    role: intermediaries.has(id) ? ('INTERMEDIARY' as const) : ('CARE_NETWORK' as const),
    people: countOf(agg.byNetwork, id)?.people ?? 0,
    contracts: countOf(agg.byNetwork, id)?.contracts ?? 0,
    insurers: Math.max(insurersVia((p) => p.viaId === id), countOf(agg.byNetwork, id)?.insurers ?? 0),
  }));
  return [...operators, ...networks.sort((a, b) => b.people - a.people || a.partnerId.localeCompare(b.partnerId))];
}

/** Per exposed category: most people first, then most populations, then by id. */
export function byCategoryOf(paths: ImpactPathsRow, agg: ContractAggregatesRow): CategoryImpactRoot[] {
  const ids = uniq(paths.paths.flatMap((p) => p.exposedCategoryIds));
  return ids
    .map((categoryId) => {
      const carrying = paths.paths.filter((p) => p.exposedCategoryIds.includes(categoryId));
      const c = countOf(agg.byCategory, categoryId);
      return {
        categoryId,
        subjects: uniq(carrying.map((p) => p.populationKind)).sort(),
        people: c?.people ?? 0,
        contracts: c?.contracts ?? 0,
        populations: uniq(carrying.map((p) => p.populationId)).length,
        professionalPopulationIds: uniq(carrying.filter((p) => p.populationKind === 'PROFESSIONAL').map((p) => p.populationId)),
      };
    })
    .sort((a, b) => b.people - a.people || b.populations - a.populations || a.categoryId.localeCompare(b.categoryId));
}

/**
 * The hops of a path with each organisation's GDPR role. When the operator controls the data
 * itself (its own professionals' accounts), the operator hop already says CONTROLLER: a second
 * hop naming it again would read as a partner.
 */
export function hopsOf(p: PathRoot): Hop[] {
  const roleOf = (orgId: string): Hop['gdprRole'] =>
    orgId === p.controllerId ? 'CONTROLLER' : orgId === p.subProcessorId ? 'SUB_PROCESSOR' : orgId === p.processorId ? 'PROCESSOR' : null;
  const partner = p.viaId ?? p.networkId ?? null;
  // A care network handles the data for the insurer (a processor); an intermediary such as a
  // broker has no GDPR role the record states, so none is shown.
  const partnerRole = roleOf(partner ?? '') ?? (p.viaId && p.viaRole === 'INTERMEDIARY' ? null : ('PROCESSOR' as const));
  return [
    // A what-if (simulateBreach) names no breach: its paths start at the system taken.
    ...(p.breachId === WHAT_IF_ID ? [] : [{ kind: 'BREACH' as const, id: p.breachId, gdprRole: null }]),
    { kind: 'SYSTEM', id: p.systemId, gdprRole: null },
    { kind: 'OPERATOR', id: p.operatorId, gdprRole: roleOf(p.operatorId) },
    ...(partner ? [{ kind: 'PARTNER' as const, id: partner, gdprRole: partnerRole }] : []),
    // No controller hop when the operator is the controller (said on its hop) or when the record
    // names none (a broker's clients: the insurers behind them are unknown).
    ...(p.controllerId === null || p.controllerId === p.operatorId ? [] : [{ kind: 'CONTROLLER' as const, id: p.controllerId, gdprRole: 'CONTROLLER' as const }]),
    { kind: 'POPULATION', id: p.populationId, gdprRole: null },
  ];
}
