import type { Logger } from 'pino';
import { cypher } from '../db/cypher-files';
import type { Executor } from '../db/executor';
import { refreshSummaries } from './summary-upkeep';

const Q = { state: cypher('admin/summaries-state') };

/** Why the stored summaries need a refresh at start (cypher/admin/summaries-state). */
interface SummariesState {
  missing: number;
  stale: boolean;
  catalogueChanged: boolean;
}

/**
 * Run once at start, after the database is prepared: when a write or a summary refresh did not
 * complete (the process that ran it was killed between a committed write and the refresh that
 * must follow it, or during that refresh, whose transaction then rolled back), the stored
 * summaries are recomputed: whole when a portfolio write left them stale, otherwise the breaches
 * whose paths changed and those without a summary. Until the refresh commits, readiness reports
 * the summaries stale (health/readiness.ts), so nobody is told stale counts are current; the
 * refresh holds the summary lock, so it serialises with any write that arrives meanwhile.
 * Resolves to whether a refresh ran; a failure rejects (the caller logs it: readiness then stays
 * failed, and the next start or portfolio write refreshes again).
 */
export async function recoverSummaries(executor: Executor, logger: Logger): Promise<boolean> {
  const [state] = await executor.read<SummariesState>(Q.state);
  if (!state || (!state.stale && !state.catalogueChanged && state.missing === 0)) return false;
  const started = performance.now();
  logger.warn({ stale: state.stale, catalogueChanged: state.catalogueChanged, missing: state.missing }, 'impact summaries not current at start (a write or refresh was interrupted): recomputing them');
  const written = await refreshSummaries(executor.admin(), { portfolio: state.stale });
  logger.info({ written, ms: Math.round(performance.now() - started) }, 'impact summaries recomputed');
  return true;
}
