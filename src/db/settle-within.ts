/** What {@link settleWithin} answers when the time ran out first. */
export const LATE = Symbol('late');

/**
 * Waits for `work` for at most `ms` milliseconds: its value, or {@link LATE} once the time has
 * passed first. Why: a server-side transaction timeout only bounds a statement once the server
 * has it; the client's own waits (connecting to a server that is starting, a pool acquisition,
 * back-off between retries, a reply stuck on a busy machine) are not bounded by it, and a request
 * must answer by its deadline whatever it is waiting for. `work` is not cancelled (a promise
 * cannot be): it goes on, and its later failure is swallowed here so that it is never an
 * unhandled rejection; the caller stops what `work` would do next (see Executor.read).
 */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<{ value: T } | typeof LATE> {
  // Attached before any await: if `work` fails after the time ran out, nobody else listens.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    // The timer must not keep the process alive, nor fire once `work` has answered.
    clearTimeout(timer);
  }
}
