import type { ReportedFigureRow } from '../breach/breach.rows';
import { datedRange, sharedFigureIdsOf, sourceUrlOf } from './breach-record';
import { viamedisLike } from './export-record.fixture';

test('sourceUrlOf: scheme-less addresses become https URLs; record references are not URLs', () => {
  expect(sourceUrlOf('silicon.fr/hack-tiers-payant-33-millions-victimes-475744.html')).toBe('https://silicon.fr/hack-tiers-payant-33-millions-victimes-475744.html');
  expect(sourceUrlOf('intrassi.net')).toBe('https://intrassi.net');
  expect(sourceUrlOf('https://example.org/a')).toBe('https://example.org/a');
  expect(sourceUrlOf('seed-article:000_ca97c48e0b4ca5f9')).toBeNull();
  expect(sourceUrlOf('facts-sheet:attack-vector')).toBeNull();
  expect(sourceUrlOf(null)).toBeNull();
});

test('datedRange: first and last dated events; null when none is dated', () => {
  expect(datedRange(viamedisLike().events)).toEqual({ first: '2024-01-22', last: '2024-02-09' });
  expect(datedRange(viamedisLike().events.map((e) => ({ ...e, date: null })))).toBeNull();
});

test('sharedFigureIdsOf: a figure the record states for two breaches is shared; a figure of one breach is not', () => {
  const f = (id: string, value: number): ReportedFigureRow => ({ ...viamedisLike().figures[0], id, value });
  const map = new Map([
    ['b1', [f('cnil-1', 33_000_000), f('own-1', 20_000_000)]],
    ['b2', [f('cnil-2', 33_000_000), f('own-2', 13_000_000)]],
  ]);
  expect([...sharedFigureIdsOf('b1', map)]).toEqual(['cnil-1']);
  expect([...sharedFigureIdsOf('b2', map)]).toEqual(['cnil-2']);
  expect([...sharedFigureIdsOf('b1', new Map([['b1', map.get('b1')!]]))]).toEqual([]);
});
