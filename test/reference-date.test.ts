import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../src/db/cypher-files';
import { newRoundTripCounter, type Executor } from '../src/db/executor';
import { REFERENCE_DATE_STEPS, referenceDateOf } from '../src/db/reach';
import { eventsByBreachIds, listBreaches } from '../src/domain/breach/breach.repository';
import { impactPaths } from '../src/domain/impact/impact.repository';
import { requestDb } from '../src/db/request-db';
import { testExecutor } from './harness';

/**
 * The reference date of a breach has one owner, stated twice in two languages: REFERENCE_DATE_STEPS
 * in src/db/reach.ts and cypher/reach/reference-date.cypher. These checks fail when the two drift.
 */
let executor: Executor;
beforeAll(() => {
  executor = testExecutor();
});
afterAll(async () => {
  await executor.close();
});

test('the fragment names the same event kinds, in the same steps and order, as REFERENCE_DATE_STEPS', () => {
  const text = fs.readFileSync(path.join(CYPHER_DIR, 'reach', 'reference-date.cypher'), 'utf8').replace(/\/\/.*$/gm, '');
  const kindLists = [...text.matchAll(/e\.kind IN \[([^\]]*)\]/g)].map((m) => m[1].split(',').map((k) => k.trim().replace(/^'|'$/g, '')));
  const bases = [...text.matchAll(/WHEN \w+ IS NOT NULL THEN '(\w+)'/g)].map((m) => m[1]);
  const coalesced = /coalesce\(([^)]*)\) AS eventDate/.exec(text)![1].split(',').map((s) => s.trim());
  const steps = [...text.matchAll(/min\(CASE WHEN e\.kind IN \[[^\]]*\] THEN e\.date END\) AS (\w+)/g)].map((m) => m[1]);
  expect(kindLists).toEqual(REFERENCE_DATE_STEPS.map((s) => [...s.kinds]));
  expect(bases).toEqual(REFERENCE_DATE_STEPS.map((s) => s.basis));
  // The steps are tried in the order they are declared (coalesce and the CASE follow it).
  expect(coalesced).toEqual(steps);
});

test('referenceDateOf: the earliest dated event of the first step that has one', () => {
  const ev = (kind: string, date: string | null) => ({ kind, date });
  expect(referenceDateOf([ev('DISCLOSED', '2024-01-01'), ev('DETECTED', '2024-03-01'), ev('DETECTED', '2024-02-01')])).toEqual({ date: '2024-02-01', basis: 'DETECTION' });
  expect(referenceDateOf([ev('INTRUSION', null), ev('CLIENTS_INFORMED', '2024-02-02'), ev('DISCLOSED', '2024-02-05')])).toEqual({ date: '2024-02-02', basis: 'CLIENTS_INFORMED' });
  expect(referenceDateOf([ev('DISCLOSED', '2024-02-05')])).toEqual({ date: '2024-02-05', basis: 'PUBLIC_DISCLOSURE' });
  expect(referenceDateOf([ev('INTRUSION', '2024-01-29'), ev('DATA_COLLECTED', '2024-01-22')])).toEqual({ date: '2024-01-22', basis: 'INTRUSION' });
  expect(referenceDateOf([ev('SERVICE_DOWN', '2024-01-01'), ev('DISCLOSED', null)])).toEqual({ date: null, basis: 'UNKNOWN' });
});

test('on every seeded breach, referenceDateOf gives the date and basis impact-paths gives', async () => {
  const db = requestDb(executor, newRoundTripCounter());
  const ids = (await listBreaches(db)).map((b) => b.id);
  expect(ids.length).toBeGreaterThanOrEqual(2);
  const events = await eventsByBreachIds(db, ids);
  const answers = await impactPaths(db, ids.map((breachId) => ({ breachId, asOf: null })), null);
  const fromCypher = Object.fromEntries(answers.map((a) => [a.breachId, { date: a.referenceDate, basis: a.referenceDateBasis }]));
  const fromTs = Object.fromEntries(ids.map((id) => [id, referenceDateOf(events.filter((e) => e.key === id).map((e) => e.row))]));
  expect(fromTs).toEqual(fromCypher);
  // The seeded breaches between them take two different steps, so the order is exercised.
  expect(new Set(Object.values(fromTs).map((r) => r.basis)).size).toBeGreaterThanOrEqual(2);
});
