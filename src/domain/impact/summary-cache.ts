import { perExecutor } from '../../db/per-executor';
import type { ContractAggregatesRow, ImpactPathsRow } from './impact.rows';

/** A breach's summary as parsed, for one stored version. */
export interface ParsedSummary {
  version: string;
  paths: ImpactPathsRow | null;
  aggregates: ContractAggregatesRow | null;
}

/**
 * Parsed summaries kept across requests by one process, per breach, with the stored version they
 * were parsed from: the paths of a national-size breach are tens of kilobytes of JSON that every
 * dashboard request would otherwise transfer and parse again. Objects are frozen, being shared.
 */
export class SummaryCache {
  private readonly byBreach = new Map<string, ParsedSummary>();

  /**
   * The versions held for `ids` (the `$known` of a read) together with the parsed summaries
   * themselves. A read's reply that says "the version you know" is answered from `held`, not from
   * the cache: under a stream of deltas another request may replace the entry between the read's
   * start and its reply, and the reply then found nothing to read, so the request counted the
   * whole breach live (a soak at 1M people: 14.7 s, past the 15 s deadline with the rest).
   */
  hold(ids: string[]): { known: Record<string, string>; held: ReadonlyMap<string, ParsedSummary> } {
    const held = new Map(ids.flatMap((id) => (this.byBreach.has(id) ? [[id, this.byBreach.get(id)!] as const] : [])));
    return { known: Object.fromEntries([...held].map(([id, p]) => [id, p.version])), held };
  }

  get(id: string, version: string): ParsedSummary | undefined {
    const hit = this.byBreach.get(id);
    return hit?.version === version ? hit : undefined;
  }

  /** The summary held for a breach, whatever its version (a caller that assumes it must confirm the version). */
  latest(id: string): ParsedSummary | undefined {
    return this.byBreach.get(id);
  }

  set(id: string, parsed: ParsedSummary): void {
    this.byBreach.set(id, deepFreeze(parsed));
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The process's parsed-summary cache for the database behind an executor. */
export const summaryCacheOf = perExecutor(() => new SummaryCache());
