import { addGroupRows, aggregatesOf, ALL, applyCounts, GroupCounts, networkRoutesOf, SweepCounts } from './summary-counts';

/** Counts of two chunks added up, as a sweep adds them. */
function counts(rows: Parameters<typeof addGroupRows>[1]): GroupCounts {
  const sums: SweepCounts = new Map();
  addGroupRows(sums, rows);
  return sums.get('r')?.get(ALL) ?? {};
}

const row = (dim: string, id: string, people: number, contracts: number) => ({ req: 'r', tenant: null, dim, id, people, contracts });

test('an operator’s insurers are the controllers with people, whatever chunk counted them', () => {
  const c = counts([
    row('total', '', 3, 2),
    row('operator', 'op', 3, 2),
    row('operatorInsurer', 'op|ins-a', 2, 1),
    row('operatorInsurer', 'op|ins-b', 1, 1),
    // A second chunk sees ins-a again: still two insurers, people add.
    row('operator', 'op', 1, 0),
    row('operatorInsurer', 'op|ins-a', 1, 0),
    row('total', '', 1, 0),
  ]);
  expect(aggregatesOf('k', c).byOperator).toEqual([{ id: 'op', role: 'OPERATOR', people: 4, contracts: 2, insurers: 2 }]);
  // ins-b's only person leaves: the operator serves one controller, the group entry is gone.
  const after = applyCounts(c, { operatorInsurer: { 'op|ins-b': [-1, -1] }, operator: { op: [-1, -1] }, total: { '': [-1, -1] } });
  expect(after.operatorInsurer).toEqual({ 'op|ins-a': [3, 1] });
  expect(aggregatesOf('k', after).byOperator).toEqual([{ id: 'op', role: 'OPERATOR', people: 3, contracts: 1, insurers: 1 }]);
});

test('a slice’s byInsurer holds only its insurer; groups sort largest first, then by id', () => {
  const c = counts([row('total', '', 2, 1), row('category', 'b', 1, 1), row('category', 'a', 1, 1), row('category', 'c', 2, 1)]);
  const slice = aggregatesOf('k', c, 'ins-a');
  expect(slice.byInsurer).toEqual([{ id: 'ins-a', people: 2, contracts: 1 }]);
  expect(slice.byCategory.map((r) => r.id)).toEqual(['c', 'a', 'b']);
});

test('counts never go negative: stored counts that do not match the graph fail loudly', () => {
  expect(() => applyCounts({ total: { '': [1, 1] } }, { total: { '': [-2, -1] } })).toThrow(/went negative/);
});

test('network routes are the networks with people, per path', () => {
  expect(networkRoutesOf({ route: { 's/o/f|net': [2, 1], 's/o/f|': [1, 1], 's/o/g|net': [0, 1] } })).toEqual(new Map([['s/o/f', ['net', '']]]));
});
