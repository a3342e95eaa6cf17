import { allCypherNames, cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { testExecutor } from './harness';

/** Every statement in cypher/ parses and plans against the real database (EXPLAIN runs nothing). */
let executor: Executor;
beforeAll(() => {
  executor = testExecutor();
});
afterAll(async () => {
  await executor.close();
});

const names = allCypherNames();

test('cypher/ holds the statements the code uses', () => {
  expect(names.length).toBeGreaterThan(30);
});

test.each(names)('EXPLAIN %s', async (name) => {
  const plan = await executor.explain(cypher(name));
  expect(plan.length).toBeGreaterThan(0);
});

test("regression: a member's contracts are found by the pseudonym through the unique Beneficiary(id) index (beneficiary_key, the same value, is dropped)", async () => {
  const plan = await executor.explain(cypher('contract/member-contracts'));
  expect(plan.some((p) => /^NodeUniqueIndexSeek/.test(p.operator) && /Beneficiary\(id\)/.test(p.details))).toBe(true);
  expect(plan.filter((p) => /Beneficiary\(key\)/.test(p.details) || /Scan/.test(p.operator))).toEqual([]);
});

test('regression: affected-contracts paging walks the (insurerId, id) index in order and never sorts', async () => {
  const plan = await executor.explain(cypher('contract/affected-contracts-page'));
  const operators = plan.map((p) => p.operator);
  expect(plan.some((p) => /^NodeIndexSeek/.test(p.operator) && /Contract\(insurerId, id\)/.test(p.details))).toBe(true);
  expect(operators.filter((o) => /Sort|Top/.test(o))).toEqual([]);
});

test.each(['impact/contract-aggregates-sweep', 'crossbreach/breach-set-sweep'])('regression: the sweep %s takes its people by node-id seeks in storage order, never a label scan or a sort of every person', async (name) => {
  const plan = await executor.explain(cypher(name));
  expect(plan.some((p) => /^NodeByIdSeek/.test(p.operator))).toBe(true);
  expect(plan.filter((p) => /LabelScan|AllNodesScan|^Sort$|^Top$|NodeIndexScan/.test(p.operator) && /Beneficiary/.test(p.details))).toEqual([]);
});

test('regression: the audit trail reads its newest records off the AuditEvent(at) index, never scanning and sorting every record', async () => {
  const plan = await executor.explain(cypher('audit/list-events'));
  expect(plan.some((p) => /^NodeIndex(Scan|SeekByRange)/.test(p.operator) && /AuditEvent\(at\)/.test(p.details))).toBe(true);
  expect(plan.filter((p) => /LabelScan|AllNodesScan|^Sort$|^Top$/.test(p.operator))).toEqual([]);
});

test('regression: an insurer’s summary slice is read through the (breachId, insurerId) index, never a label scan', async () => {
  const plan = await executor.explain(cypher('impact/stored-summaries-by-breach-ids'));
  expect(plan.some((p) => /^NodeIndexSeek/.test(p.operator) && /InsurerImpactSummary\(breachId, insurerId\)/.test(p.details))).toBe(true);
  expect(plan.filter((p) => /LabelScan/.test(p.operator))).toEqual([]);
});

test('regression: portfolio coverage seeks Contract.insurerId for each insurer, never scans every contract', async () => {
  // Found by the benchmark: the regulator's summary spent 0.6 s at 20k people in this statement.
  const plan = await executor.explain(cypher('impact/portfolio-coverage'));
  expect(plan.some((p) => /^NodeIndexSeek/.test(p.operator) && /Contract\(insurerId, id\)/.test(p.details))).toBe(true);
  expect(plan.filter((p) => /LabelScan/.test(p.operator))).toEqual([]);
});

test('the dated summaries find the contracts started or ended between two dates on the date indexes, never scanning every contract', async () => {
  // At 10M people a label scan here would cost what the difference counting saves.
  const plan = await executor.explain(cypher('impact/people-of-date-windows'));
  expect(plan.some((p) => /^NodeIndexSeekByRange/.test(p.operator) && /Contract\(startDate\)/.test(p.details))).toBe(true);
  expect(plan.some((p) => /^NodeIndexSeekByRange/.test(p.operator) && /Contract\(endDate\)/.test(p.details))).toBe(true);
  expect(plan.filter((p) => /LabelScan|AllNodesScan/.test(p.operator))).toEqual([]);
});

test('an insurer’s own date finds its contracts started or ended in between on the (insurerId, date) indexes', async () => {
  const plan = await executor.explain(cypher('impact/people-of-insurer-date-windows'));
  expect(plan.some((p) => /^NodeIndexSeek/.test(p.operator) && /Contract\(insurerId, startDate\)/.test(p.details))).toBe(true);
  expect(plan.some((p) => /^NodeIndexSeek/.test(p.operator) && /Contract\(insurerId, endDate\)/.test(p.details))).toBe(true);
  expect(plan.filter((p) => /LabelScan|AllNodesScan/.test(p.operator))).toEqual([]);
});

test('regression: EXPLAIN rejects a broken statement (the check above can fail)', async () => {
  await expect(executor.explain({ name: 'broken', text: 'MATCH (n RETURN n' })).rejects.toBeDefined();
});
