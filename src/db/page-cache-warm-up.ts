/** What the launcher's page-cache warm-up did (neo4j/src/main/java/breachimpact/PageCacheWarmup.java). */
export interface PageCacheWarmUp {
  /** Pages read into the page cache. */
  pages: number;
  /** Their bytes. */
  bytes: number;
  /** Files read (all, or until the page cache was 90 % full). */
  files: number;
  /** Files the page cache had mapped. */
  of: number;
  /** How long it took, in seconds. */
  seconds: number;
  /** True when it stopped at 90 % of the page cache: the store is larger than the cache. */
  full: boolean;
}

/** How a warm-up ended: its report, or why it stopped. */
export type WarmUpOutcome = PageCacheWarmUp | { failed: string };

const WARMED = /^NEO4J_WARMED pages=(\d+) bytes=(\d+) files=(\d+) of=(\d+) seconds=([\d.]+) full=(true|false)$/;
const FAILED = /^NEO4J_WARMUP_FAILED (.*)$/;

/**
 * The outcome a launcher output line reports, or null for any other line. The launcher prints
 * exactly one of these after its ready line when asked to warm up (NEO4J_PAGECACHE_WARMUP=1).
 */
export function warmUpOutcomeOf(line: string): WarmUpOutcome | null {
  const m = WARMED.exec(line.trim());
  if (m) return { pages: Number(m[1]), bytes: Number(m[2]), files: Number(m[3]), of: Number(m[4]), seconds: Number(m[5]), full: m[6] === 'true' };
  const f = FAILED.exec(line.trim());
  return f ? { failed: f[1] } : null;
}
