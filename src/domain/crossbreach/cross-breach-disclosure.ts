import { Audience, DisclosureSettings, suppressBreakdown } from '../disclosure/disclosure-policy';
import type { CrossBreachCounts, CrossBreachFigure } from './cross-breach-counts';

/** A figure as one audience sees it: counts, or null for both with `suppressed: true`. */
export type DisclosedFigure<T extends CrossBreachFigure> = Omit<T, 'people' | 'contracts' | 'cells'> & { people: number | null; contracts: number | null; suppressed: boolean };

/** A cross-breach answer as one audience sees it. */
export interface DisclosedCrossBreach {
  breachIds: string[];
  distinct: DisclosedFigure<CrossBreachFigure>;
  byAddition: DisclosedFigure<CrossBreachFigure>;
  inSeveral: DisclosedFigure<CrossBreachFigure>;
  combinedExposure: DisclosedFigure<CrossBreachFigure>;
  byBreach: Array<DisclosedFigure<CrossBreachCounts['byBreach'][number]>>;
  byBreachCombination: Array<DisclosedFigure<CrossBreachCounts['byBreachCombination'][number]>>;
  byCategoryCombination: Array<DisclosedFigure<CrossBreachCounts['byCategoryCombination'][number]>>;
  byCategory: Array<DisclosedFigure<CrossBreachCounts['byCategory'][number]>>;
}

function show<T extends CrossBreachFigure>(f: T, suppressed: boolean): DisclosedFigure<T> {
  // The cell keys stay server-side: they name signatures, not figures.
  const { cells: _cells, ...rest } = f;
  const out = suppressed ? { ...rest, people: null, contracts: null, suppressed: true } : { ...rest, suppressed: false };
  return out as unknown as DisclosedFigure<T>;
}

/** Visible figures in their order, then the suppressed ones (their rank would tell their size). */
function visibleFirst<T>(figures: Array<T & { suppressed: boolean }>): Array<T & { suppressed: boolean }> {
  return [...figures.filter((f) => !f.suppressed), ...figures.filter((f) => f.suppressed)];
}

/**
 * Applies the disclosure-control policy (domain/disclosure/disclosure-policy) to a cross-breach
 * answer. Every figure is a sum of the answer's finest cells (people and contracts sharing one
 * restricted breach-set signature), and figures overlap in many ways (a breach's people are the
 * sum of the Venn cells holding it; the naive sum is the per-breach figures added), so the cells,
 * not the figures, are suppressed: small cells and their complements, by suppressBreakdown
 * against the distinct total. A figure is then shown only when it sums none of the suppressed
 * cells, or all of them: any difference of shown figures then gives back at most the sum of every
 * suppressed cell, which suppressBreakdown keeps at two cells or more and at least minCell people
 * and contracts. The naive sum (byAddition), a weighted sum, is shown only when every per-breach
 * figure is. EXACT shows everything; WITHHELD (ADMIN) nothing.
 */
export function discloseCrossBreach(counts: CrossBreachCounts, audience: Audience, settings: DisclosureSettings): DisclosedCrossBreach {
  const decide = audience === 'EXACT' ? () => false : audience === 'WITHHELD' ? () => true : controlled(counts, settings.minCell);
  const byBreach = counts.byBreach.map((f) => show(f, decide(f)));
  return {
    breachIds: counts.breachIds,
    distinct: show(counts.distinct, decide(counts.distinct)),
    byAddition: show(counts.byAddition, audience === 'WITHHELD' || byBreach.some((f) => f.suppressed)),
    inSeveral: show(counts.inSeveral, decide(counts.inSeveral)),
    combinedExposure: show(counts.combinedExposure, decide(counts.combinedExposure)),
    byBreach: visibleFirst(byBreach),
    byBreachCombination: visibleFirst(counts.byBreachCombination.map((f) => show(f, decide(f)))),
    byCategoryCombination: visibleFirst(counts.byCategoryCombination.map((f) => show(f, decide(f)))),
    byCategory: visibleFirst(counts.byCategory.map((f) => show(f, decide(f)))),
  };
}

/** The CONTROLLED decision: whether a figure must be suppressed, given the cells suppressed. */
function controlled(counts: CrossBreachCounts, minCell: number): (f: CrossBreachFigure) => boolean {
  const { total, cells } = suppressBreakdown(counts.distinct, counts.cells, minCell);
  const suppressed = new Set(counts.cells.filter((_, i) => cells[i]).map((c) => c.key));
  return (f) => {
    // Zero names nobody, whatever it sums.
    if (f.people === 0 && f.contracts === 0) return false;
    const hit = f.cells.filter((k) => suppressed.has(k)).length;
    if (hit === 0) return false;
    // With the total withheld, even the sum of every suppressed cell is too small to show.
    return total || hit < suppressed.size;
  };
}
