import { cypher } from '../../db/cypher-files';
import type { Executor } from '../../db/executor';

const Q = { lock: cypher('audit/lock-chain-for-prune'), oldest: cypher('audit/oldest-events'), prune: cypher('audit/prune-prefix'), unchained: cypher('audit/prune-unchained') };
/** Records deleted per transaction, so a long-neglected trail prunes in bounded transactions. */
const BATCH = 5_000;

/** What a pruning run did. */
export interface PruneResult {
  /** Records deleted. */
  pruned: number;
  /** Sequence of the last pruned record: verification now starts after it (0: never pruned). */
  anchorSequence: number;
}

/**
 * Deletes the audit records written before `before`, oldest first, and keeps the chain verifiable:
 * only a prefix of the chain is ever deleted (it stops at the first record not older than
 * `before`), and in the same transaction the chain's head keeps the sequence and hash of the last
 * deleted record as the anchor that verification starts from. Runs under the chain head's lock,
 * so it never interleaves with an append. Records outside the chain (older than the chain itself)
 * are pruned by the same cut-off. Safe to run again: nothing older, nothing done.
 */
export async function pruneAuditTrail(executor: Executor, before: Date): Promise<PruneResult> {
  const cutoff = before.getTime();
  const [{ deleted: legacy }] = await executor.write<{ deleted: number }>(Q.unchained, { before: before.toISOString() });
  let pruned = legacy;
  for (;;) {
    const step = await executor.writeTransaction('audit/prune', async (run) => {
      const [head] = await run<{ sequence: number; anchorSequence: number }>(Q.lock, { now: new Date().toISOString() });
      if (!head) return { deleted: 0, anchor: 0 };
      const oldest = await run<{ sequence: number; atMillis: number; hash: string }>(Q.oldest, { after: head.anchorSequence, limit: BATCH });
      const stop = oldest.findIndex((e) => e.atMillis >= cutoff);
      const prefix = stop === -1 ? oldest : oldest.slice(0, stop);
      if (prefix.length === 0) return { deleted: 0, anchor: head.anchorSequence };
      const lastPruned = prefix[prefix.length - 1];
      const [{ deleted }] = await run<{ deleted: number }>(Q.prune, { upTo: lastPruned.sequence, hash: lastPruned.hash });
      return { deleted, anchor: lastPruned.sequence };
    });
    pruned += step.deleted;
    if (step.deleted < BATCH) return { pruned, anchorSequence: step.anchor };
  }
}

/**
 * Applies the retention policy: with `retentionDays` set, prunes records older than that many days
 * before `now`; unset (the default), keeps everything and prunes nothing.
 */
export async function applyAuditRetention(executor: Executor, retentionDays: number | undefined, now = new Date()): Promise<PruneResult | null> {
  if (retentionDays === undefined) return null;
  return pruneAuditTrail(executor, new Date(now.getTime() - retentionDays * 86_400_000));
}
