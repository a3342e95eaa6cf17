import { canonicalSignature } from './breach-set-sweep';
import type { BreachSetRow } from './breach-set.rows';
import { crossBreachCounts, isCombined } from './cross-breach-counts';
import { discloseCrossBreach } from './cross-breach-disclosure';

const A = 'breach-a';
const B = 'breach-b';
const C = 'breach-c';

/** People: 30 by A only (nir, guarantees), 20 by B only (nir, contract), 12 by both, 3 by A and C. */
const rows: BreachSetRow[] = [
  { signature: [[A, ['nir', 'guarantees']]], people: 30, contracts: 20 },
  { signature: [[B, ['contract', 'nir']]], people: 20, contracts: 15 },
  { signature: [[A, ['guarantees', 'nir']], [B, ['contract', 'nir']]], people: 12, contracts: 10 },
  { signature: [[A, ['nir']], [C, ['nir']]], people: 3, contracts: 3 },
];

test('distinct people and contracts across breaches count each once; the naive sum counts the overlap twice', () => {
  const c = crossBreachCounts(rows, [A, B]);
  expect(c.distinct).toMatchObject({ people: 65, contracts: 48 });
  expect(c.byAddition).toMatchObject({ people: 30 + 12 + 3 + 20 + 12, contracts: 20 + 10 + 3 + 15 + 10 });
  expect(c.inSeveral).toMatchObject({ people: 12, contracts: 10 });
  // Only the 12 in both have more categories together than either breach alone exposed.
  expect(c.combinedExposure).toMatchObject({ people: 12, contracts: 10 });
  expect(c.byBreach.map((b) => [b.breachId, b.people])).toEqual([[A, 45], [B, 32]]);
  expect(c.byBreachCombination.map((x) => [x.breachIds, x.people])).toEqual([[[A], 33], [[B], 20], [[A, B], 12]]);
  expect(c.byCategoryCombination.map((x) => [x.categoryIds, x.people])).toEqual([
    [['guarantees', 'nir'], 30],
    [['contract', 'nir'], 20],
    [['contract', 'guarantees', 'nir'], 12],
    [['nir'], 3],
  ]);
});

test('a breach outside the set is ignored: its people count only through the breaches asked about', () => {
  const c = crossBreachCounts(rows, [C]);
  expect(c.distinct).toMatchObject({ people: 3, contracts: 3 });
  expect(c.inSeveral).toMatchObject({ people: 0, contracts: 0 });
  expect(crossBreachCounts(rows, ['breach-z']).distinct).toMatchObject({ people: 0, contracts: 0 });
});

test('combination: more than any single breach exposed, never for one breach alone or identical sets', () => {
  expect(isCombined([[A, ['nir', 'guarantees']], [B, ['contract']]])).toBe(true);
  expect(isCombined([[A, ['nir', 'contract']], [B, ['nir']]])).toBe(false);
  expect(isCombined([[A, ['nir']]])).toBe(false);
  expect(canonicalSignature([[B, ['y', 'x']], [A, ['z']], [B, ['x', 'w']]])).toEqual([[A, ['z']], [B, ['w', 'x', 'y']]]);
});

test('disclosure: small cells withheld, and no shown figure gives one back', () => {
  const c = crossBreachCounts(rows, [A, B, C]);
  const d = discloseCrossBreach(c, 'CONTROLLED', { minCell: 10 });
  // The A+C cell (3 people) is small: C alone is withheld, and so is every figure that would
  // difference it out (A's total minus its other cells).
  expect(d.byBreach.find((f) => f.breachId === C)).toMatchObject({ suppressed: true, people: null });
  for (const f of [d.distinct, d.inSeveral, d.combinedExposure, d.byAddition, ...d.byBreach, ...d.byBreachCombination, ...d.byCategoryCombination, ...d.byCategory]) {
    if (!f.suppressed) for (const n of [f.people!, f.contracts!]) expect(n === 0 || n >= 10).toBe(true);
  }
  // Withheld cells: A+C (3 people, small) and, to protect it, A+B (the next smallest). A figure
  // summing both (or neither) is shown; one summing only one of them is withheld.
  const shown = (fs: Array<{ suppressed: boolean; people: number | null }>) => fs.map((f) => (f.suppressed ? null : f.people));
  expect(shown(d.byBreachCombination)).toEqual([30, 20, null, null]);
  expect(d.byBreach.map((f) => [f.breachId, f.suppressed ? null : f.people])).toEqual([[A, 45], [B, null], [C, null]]);
  expect([d.distinct.people, d.inSeveral.people, d.combinedExposure.people]).toEqual([65, 15, null]);
  expect(d.byCategory.map((f) => [f.categoryId, f.people])).toEqual([['nir', 65], ['guarantees', null], ['contract', null]]);
  expect(d.byAddition.suppressed).toBe(true);
  expect(discloseCrossBreach(c, 'EXACT', { minCell: 10 }).byBreach.every((f) => !f.suppressed)).toBe(true);
  const w = discloseCrossBreach(c, 'WITHHELD', { minCell: 10 });
  expect([w.distinct, ...w.byBreach].every((f) => f.suppressed && f.people === null)).toBe(true);
});
