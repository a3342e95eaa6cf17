import type { BreachSetRow, BreachSetSignature } from './breach-set.rows';

/**
 * One cell of the finest partition of a cross-breach answer: the people and contracts whose
 * signature, restricted to the breaches asked about, is `signature`. Every figure of the answer
 * is a sum of these cells (see {@link crossBreachCounts}), which is what lets disclosure control
 * decide every figure at once (domain/crossbreach/cross-breach-disclosure).
 */
export interface CrossBreachCell {
  /** The JSON of `signature`, its identity. */
  key: string;
  signature: BreachSetSignature;
  people: number;
  contracts: number;
}

/** A figure of a cross-breach answer: its counts and the finest cells it adds up. */
export interface CrossBreachFigure {
  people: number;
  contracts: number;
  /** Keys of the finest cells it sums. */
  cells: string[];
}

/** The cross-breach answer for one set of breaches, as counted (exact, before disclosure control). */
export interface CrossBreachCounts {
  breachIds: string[];
  cells: CrossBreachCell[];
  /** Distinct people and contracts reached by at least one of the breaches. */
  distinct: CrossBreachFigure;
  /** Each breach's own counts added up: what the naive sum says, people in several breaches counted several times. */
  byAddition: CrossBreachFigure;
  /** People and contracts reached by two or more of the breaches. */
  inSeveral: CrossBreachFigure;
  /**
   * People and contracts whose categories exposed across the breaches exceed what any single one
   * of them exposed: the combination risk (NIR and guarantees from one, contract number from another).
   */
  combinedExposure: CrossBreachFigure;
  byBreach: Array<CrossBreachFigure & { breachId: string }>;
  /** Exactly this set of breaches (a Venn cell), largest first. */
  byBreachCombination: Array<CrossBreachFigure & { breachIds: string[] }>;
  /** Exactly this union of categories across the breaches, largest first. */
  byCategoryCombination: Array<CrossBreachFigure & { categoryIds: string[] }>;
  /** This category exposed by at least one of the breaches, largest first. */
  byCategory: Array<CrossBreachFigure & { categoryId: string }>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sums the cells matching `keep` into a figure. */
function figure(cells: CrossBreachCell[], keep: (c: CrossBreachCell) => boolean): CrossBreachFigure {
  const kept = cells.filter(keep);
  return { people: kept.reduce((a, c) => a + c.people, 0), contracts: kept.reduce((a, c) => a + c.contracts, 0), cells: kept.map((c) => c.key) };
}

/** Groups the cells by a key of each, one figure per group, largest first then by key. */
function groupBy<K extends string>(cells: CrossBreachCell[], keysOf: (c: CrossBreachCell) => string[]): Array<[string, CrossBreachFigure]> {
  const groups = new Map<string, CrossBreachCell[]>();
  for (const c of cells) for (const k of keysOf(c)) groups.set(k, [...(groups.get(k) ?? []), c]);
  return [...groups]
    .map(([k, cs]): [K | string, CrossBreachFigure] => [k, figure(cs, () => true)])
    .sort(([ka, a], [kb, b]) => b.people - a.people || b.contracts - a.contracts || cmp(ka, kb));
}

/** The union of the categories of a (restricted) signature, sorted. */
export function categoryUnion(signature: BreachSetSignature): string[] {
  return [...new Set(signature.flatMap(([, cats]) => cats))].sort();
}

/**
 * True when the union of categories across the signature's breaches holds a category that no
 * single breach of it exposed together with the others: the union is larger than every breach's
 * own set. One breach alone never combines.
 */
export function isCombined(signature: BreachSetSignature): boolean {
  const union = categoryUnion(signature).length;
  return signature.length > 1 && signature.every(([, cats]) => new Set(cats).size < union);
}

/**
 * Counts across a set of breaches from stored breach-set rows (see cypher/crossbreach/), without
 * touching a person: each row's signature is restricted to the breaches asked about, rows that
 * meet none are dropped, and rows restricted to the same signature are merged into one cell.
 * People and contracts are distinct across the breaches by construction: each person (contract)
 * is in exactly one stored row. Pure; unit-tested in cross-breach-counts.test.ts.
 */
export function crossBreachCounts(rows: readonly BreachSetRow[], breachIds: readonly string[]): CrossBreachCounts {
  const asked = [...new Set(breachIds)].sort();
  const wanted = new Set(asked);
  const merged = new Map<string, CrossBreachCell>();
  for (const r of rows) {
    const signature = r.signature.filter(([b]) => wanted.has(b));
    if (signature.length === 0) continue;
    const key = JSON.stringify(signature);
    const cell = merged.get(key) ?? { key, signature, people: 0, contracts: 0 };
    cell.people += r.people;
    cell.contracts += r.contracts;
    merged.set(key, cell);
  }
  const cells = [...merged.values()].sort((a, b) => cmp(a.key, b.key));
  const perBreach = new Map(cells.map((c) => [c.key, c.signature.length]));
  const byBreach = asked.map((breachId) => ({ breachId, ...figure(cells, (c) => c.signature.some(([b]) => b === breachId)) }));
  return {
    breachIds: asked,
    cells,
    distinct: figure(cells, () => true),
    byAddition: {
      people: byBreach.reduce((a, b) => a + b.people, 0),
      contracts: byBreach.reduce((a, b) => a + b.contracts, 0),
      cells: cells.map((c) => c.key),
    },
    inSeveral: figure(cells, (c) => (perBreach.get(c.key) ?? 0) > 1),
    combinedExposure: figure(cells, (c) => isCombined(c.signature)),
    byBreach,
    byBreachCombination: groupBy(cells, (c) => [JSON.stringify(c.signature.map(([b]) => b))]).map(([k, f]) => ({ breachIds: JSON.parse(k) as string[], ...f })),
    byCategoryCombination: groupBy(cells, (c) => [JSON.stringify(categoryUnion(c.signature))]).map(([k, f]) => ({ categoryIds: JSON.parse(k) as string[], ...f })),
    byCategory: groupBy(cells, (c) => categoryUnion(c.signature)).map(([categoryId, f]) => ({ categoryId, ...f })),
  };
}
