import { addDayRows, applyDayChanges, countsOnDay, dayCountHorizon, DayChanges, dayDifference, sharedCategories, SweepDayChanges, withMirroredGroups } from './day-counts';
import type { ImpactPathRow } from './impact.rows';

const row = (day: string, people: number, contracts: number, dim = 'total', id = '') => ({ req: 'b|', tenant: 'org-a', dim, id, day, people, contracts });

test('the horizon runs from 36 months before the reference date to 12 after, and refuses a date that is not YYYY-MM-DD', () => {
  expect(dayCountHorizon('2024-02-01')).toEqual({ from: '2021-02-01', to: '2025-02-01' });
  expect(() => dayCountHorizon('1 Feb 2024')).toThrow('"1 Feb 2024"');
});

test('counts on a day are the changes up to it, that day included; groups at zero are left out', () => {
  const changes: DayChanges = {
    total: { '': [['2023-01-01', 2, 1], ['2023-03-01', 1, 1], ['2023-06-01', -1, -1]] },
    operator: { 'org-x': [['2023-03-01', 1, 1], ['2023-06-01', -1, -1]] },
  };
  expect(countsOnDay(changes, '2022-12-31')).toEqual({});
  expect(countsOnDay(changes, '2023-01-01')).toEqual({ total: { '': [2, 1] } });
  expect(countsOnDay(changes, '2023-05-31')).toEqual({ total: { '': [3, 2] }, operator: { 'org-x': [1, 1] } });
  expect(countsOnDay(changes, '2023-06-01')).toEqual({ total: { '': [2, 1] } });
});

test('a negative count is refused, naming the group and day, rather than answered', () => {
  expect(() => countsOnDay({ network: { 'org-n': [['2023-01-01', -1, 0]] } }, '2023-02-01')).toThrow('network org-n on 2023-02-01: -1 people');
});

test('a write’s change (after − before) patches stored changes into what a rebuild stores: days in order, cancelled days and groups gone', () => {
  const before: SweepDayChanges = new Map();
  addDayRows(before, [row('2023-01-01', 1, 1), row('2023-07-01', -1, -1)]);
  const after: SweepDayChanges = new Map();
  addDayRows(after, [row('2023-01-01', 1, 1), row('2023-05-01', -1, -1), row('2023-02-01', 1, 1, 'network', 'org-n')]);
  const diff = dayDifference(after, before);
  const stored: DayChanges = { total: { '': [['2022-01-01', 5, 4], ['2023-01-01', 1, 1], ['2023-07-01', -1, -1]] } };
  expect(applyDayChanges(stored, diff.get('b|')!.get('org-a')!)).toEqual({
    network: { 'org-n': [['2023-02-01', 1, 1]] },
    total: { '': [['2022-01-01', 5, 4], ['2023-01-01', 1, 1], ['2023-05-01', -1, -1]] },
  });
  // The same people before and after: no change at all, and no insurer in the difference.
  expect(dayDifference(before, before).size).toBe(0);
  // Everything cancelled: empty, which the upkeep drops.
  expect(applyDayChanges({ total: { '': [['2023-01-01', 1, 1]] } }, { total: { '': { '2023-01-01': [-1, -1] } } })).toEqual({});
});

test('a slice’s mirrored groups are filled in: partner|insurer from the partner, a category on every own path from the total', () => {
  const path = (controllerId: string, cats: string[]) => ({ controllerId, exposedCategoryIds: cats }) as unknown as ImpactPathRow;
  const paths = [path('org-a', ['cat-nir', 'cat-iban', 'cat-name']), path('org-a', ['cat-name', 'cat-nir']), path('org-b', ['cat-other'])];
  expect(sharedCategories(paths, 'org-a')).toEqual(['cat-name', 'cat-nir']);
  expect(sharedCategories(paths, 'org-c')).toEqual([]);
  const counted = { total: { '': [5, 4] as [number, number] }, operator: { 'org-x': [5, 4] as [number, number] }, network: { 'org-n': [2, 1] as [number, number] }, category: { 'cat-iban': [3, 3] as [number, number] } };
  expect(withMirroredGroups(counted, 'org-a', paths)).toEqual({
    ...counted,
    operatorInsurer: { 'org-x|org-a': [5, 4] },
    networkInsurer: { 'org-n|org-a': [2, 1] },
    category: { 'cat-iban': [3, 3], 'cat-name': [5, 4], 'cat-nir': [5, 4] },
  });
  // Nobody counted: nothing mirrored.
  expect(withMirroredGroups({}, 'org-a', paths)).toEqual({});
});
