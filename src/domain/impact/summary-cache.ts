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

  /** Versions held, by breach id (the `$known` of stored-summaries-by-breach-ids). */
  known(ids: string[]): Record<string, string> {
    return Object.fromEntries(ids.flatMap((id) => (this.byBreach.has(id) ? [[id, this.byBreach.get(id)!.version]] : [])));
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
