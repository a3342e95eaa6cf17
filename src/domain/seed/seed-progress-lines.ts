import type { SeedProgress } from './load-seeds';

/**
 * Turns a seed load's progress ({@link SeedProgress}) into the lines a person watching it reads,
 * for both the server's log at start-up and `npm run seed`: "loading the seeds: N steps…" at the
 * start, a line at each commit and at the end, and in between a line at most every `everyMs`
 * (10 s), so a cold first load is never a minute of silence and a warm one is not forty lines.
 * `say` gets the line and the progress it describes (for a structured log); `now` is the clock.
 */
export function seedProgressLines(say: (line: string, progress: SeedProgress) => void, everyMs = 10_000, now: () => number = Date.now): (progress: SeedProgress) => void {
  let started = now();
  let told = started;
  return (p) => {
    const t = now();
    if (p.step === null) {
      started = t;
      told = t;
      say(`loading the seeds: ${p.total} steps…`, p);
      return;
    }
    if (!p.milestone && t - told < everyMs) return;
    told = t;
    say(`seeds: ${p.done}/${p.total} steps done, last ${p.step} (${Math.round((t - started) / 1000)} s)`, p);
  };
}
