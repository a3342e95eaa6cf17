import type { SeedProgress } from './load-seeds';
import { seedProgressLines } from './seed-progress-lines';

/** A seed load's progress lines: the start, every commit, and in between at most one line per interval. */
test('says the start, each milestone at once, and other steps at most every interval', () => {
  let clock = 1_000_000;
  const lines: string[] = [];
  const report = seedProgressLines((line) => lines.push(line), 10_000, () => clock);
  const step = (done: number, step: string, milestone = false): SeedProgress => ({ done, total: 6, step, milestone });
  report({ done: 0, total: 6, step: null, milestone: false });
  clock += 4_000;
  report(step(1, 'case-2024: seed/merge-organizations'));
  clock += 7_000;
  report(step(2, 'case-2024: seed/merge-systems'));
  clock += 1_000;
  report(step(3, 'case-2024: seed/merge-flows'));
  report(step(4, 'case-2024 committed (seeds/case-2024.json)', true));
  clock += 500;
  report(step(5, 'synthetic-portfolio: seed/merge-contracts'));
  clock += 30_000;
  report(step(6, 'impact summaries', true));
  expect(lines).toEqual([
    'loading the seeds: 6 steps…',
    'seeds: 2/6 steps done, last case-2024: seed/merge-systems (11 s)',
    'seeds: 4/6 steps done, last case-2024 committed (seeds/case-2024.json) (12 s)',
    'seeds: 6/6 steps done, last impact summaries (43 s)',
  ]);
});
