import { operationLabel } from './request-record';

/** How the request log and the metrics name an operation: never with text that could carry a NIR. */
test('a plain GraphQL name is kept; none is (anonymous)', () => {
  expect(operationLabel('AffectedContracts')).toBe('AffectedContracts');
  expect(operationLabel('Q2024_report')).toBe('Q2024_report');
  expect(operationLabel(null)).toBe('(anonymous)');
  expect(operationLabel('')).toBe('(anonymous)');
});

test.each([
  ['a NIR written in the name', 'N185057800604812'],
  // Passed the log's old /\d{6}/ while the traces' filter was wider: the rule now has one owner.
  ['a NIR split by underscores', 'N1_85_05_78_006_084_91'],
  ['not a GraphQL name', 'a b'],
  ['longer than 64 characters', `Q${'x'.repeat(64)}`],
  ['not a string', 42],
])('%s is (redacted)', (_why, name) => {
  expect(operationLabel(name)).toBe('(redacted)');
});
