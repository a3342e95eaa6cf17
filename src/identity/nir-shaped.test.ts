import { couldCarryNir } from './nir-shaped';

/** The one rule of "could this text carry a NIR", shared by the request log and the traces. */
test.each([
  ['a NIR in a name', 'N185057800604812', true],
  ['a spaced NIR', '1 85 05 78 006 048 12', true],
  ['a NIR split by underscores (a GraphQL name cannot hold spaces)', 'N1_85_05_78_006_084_91', true],
  ['a NIR spaced with narrow no-break spaces, as French formatting writes numbers', '1\u202f85\u202f05\u202f78\u202f006\u202f048\u202f12', true],
  ['six digits alone', 'x123456', true],
  ['six digits split every one by an underscore', 'a_1_2_3_4_5_6', true],
  ['an operation name', 'TracedMemberExposure', false],
  ['a loopback address (dots are no separator)', '127.0.0.1', false],
  ['a date (dashes are no separator)', '2026-12-03', false],
  ['five digits, spaced', 'v1 2 3 4 5', false],
  ['five digits split by underscores', 'Q1_2_3_4_5', false],
  ['digits two separators apart', '123__456', false],
])('%s: %j could carry a NIR: %s', (_why, text, expected) => {
  expect(couldCarryNir(text)).toBe(expected);
});
