/**
 * Events of the write side that operations watch (the API's /metrics subscribes): the domain
 * announces them without knowing who listens, so imports only go down (api → domain). One
 * process-wide channel per kind; a listener that throws is ignored, never the write's problem.
 */
export class OpsChannel<T> {
  private readonly listeners = new Set<(event: T) => void>();

  /** Adds a listener; returns the function that removes it (an API instance closing). */
  on(listener: (event: T) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Tells every listener, in the writer's own call, after the fact. */
  emit(event: T): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // An observer's failure must not fail or slow the write it observes.
      }
    }
  }
}

/** A portfolio import that finished (API or CLI, in this process): its committed and refused rows. */
export const importFinished = new OpsChannel<{ rowsLoaded: number; rowsRejected: number }>();

/**
 * A summary transaction that ended: `full` a refresh (after a seed load, registerBreach, a large
 * import, or at start), `delta` a portfolio write patching the summaries in its own transaction;
 * `outcome` committed or failed (rolled back: the previous summaries stay).
 */
export const summariesWritten = new OpsChannel<{ mode: 'full' | 'delta'; seconds: number; outcome: 'committed' | 'failed' }>();
