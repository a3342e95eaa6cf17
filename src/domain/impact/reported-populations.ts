import type { ReportedFigureRow } from '../breach/breach.rows';
import type { PopulationRow } from '../catalogue/catalogue.rows';

/**
 * What the public record says about how many people of the populations a breach reaches are
 * concerned, per kind of data subject (insured people and professionals are never added together).
 * A figure about a population that counts affected people (metric AFFECTED_PEOPLE: Mutame & Plus'
 * "about 1,800") is used before the population's size (its 45,000 members), which is only an
 * upper bound; populations that have only a size, and those with neither, are named (#11 §1).
 */

/** What a reported population figure measures. */
export type FigureMeasure = 'AFFECTED_COUNT' | 'POPULATION_SIZE';

/** The figure used for one population, with where it comes from. */
export interface PopulationFigureRoot {
  populationId: string;
  value: number;
  qualifier: string | null;
  measure: FigureMeasure;
  /** Always REPORTED: a figure from the public record, never a count of the graph's portfolio. */
  source: 'REPORTED';
  sourceUrl: string | null;
  confidence: 'H' | 'M' | 'L' | null;
  /** The reported figure giving an affected count; null for a population size. */
  figure: ReportedFigureRow | null;
}

/** The reported figures of the populations of one kind that a breach (or one category of it) reaches. */
export interface ReportedPopulationsRoot {
  kind: string;
  populationIds: string[];
  /** How many populations of this kind are reached. */
  populations: number;
  figures: PopulationFigureRoot[];
  populationsWithSizeOnlyIds: string[];
  populationsOfUnknownSize: number;
  sum: number | null;
  largest: number | null;
}

/** Metrics that count people a breach reached (not served or covered in all). */
const AFFECTED_METRICS = ['AFFECTED_PEOPLE'];
const RANK = { H: 0, M: 1, L: 2 } as const;

/** The affected-count figure for a population: highest confidence first, then the smallest (never overstate). */
function affectedFigure(populationId: string, figures: readonly ReportedFigureRow[]): ReportedFigureRow | undefined {
  return figures
    .filter((f) => f.populationId === populationId && AFFECTED_METRICS.includes(f.metric) && f.value !== null)
    .sort((a, b) => (RANK[a.confidence ?? 'L'] ?? 3) - (RANK[b.confidence ?? 'L'] ?? 3) || a.value! - b.value!)[0];
}

/**
 * The figures of the populations of `kind` among `populations`: per population, the affected count
 * a reported figure gives, else its reported size, else nothing (counted in
 * populationsOfUnknownSize). `sum` adds the figures used (null when none), `largest` is the
 * largest; populations may overlap (pharmacists among the health professionals using Viamedis),
 * so `largest` is the figure that never overstates.
 */
export function reportedPopulations(kind: string, populations: readonly PopulationRow[], figures: readonly ReportedFigureRow[]): ReportedPopulationsRoot {
  const mine = populations.filter((p) => p.kind === kind);
  const used: PopulationFigureRoot[] = [];
  for (const p of mine) {
    const f = affectedFigure(p.id, figures);
    if (f) {
      used.push({ populationId: p.id, value: f.value!, qualifier: f.qualifier, measure: 'AFFECTED_COUNT', source: 'REPORTED', sourceUrl: f.sourceUrl, confidence: f.confidence, figure: f });
    } else if (p.size !== null && p.size !== undefined) {
      used.push({ populationId: p.id, value: p.size, qualifier: p.sizeQualifier ?? null, measure: 'POPULATION_SIZE', source: 'REPORTED', sourceUrl: p.sourceUrl, confidence: p.confidence, figure: null });
    }
  }
  const values = used.map((f) => f.value);
  return {
    kind,
    populationIds: mine.map((p) => p.id),
    populations: mine.length,
    figures: used,
    populationsWithSizeOnlyIds: used.filter((f) => f.measure === 'POPULATION_SIZE').map((f) => f.populationId),
    populationsOfUnknownSize: mine.length - used.length,
    sum: values.length === 0 ? null : values.reduce((a, b) => a + b, 0),
    largest: values.length === 0 ? null : Math.max(...values),
  };
}
