import { disclosedRange, draftPhase } from './draft';
import { daysBetween, rangeOf } from './draft-counts';
import { addDays, controllerDuty, sortDuties } from './duties';
import type { NotificationRow } from './notification.rows';

const n = (over: Partial<NotificationRow>): NotificationRow => ({
  id: 'n', breachId: 'b', kind: 'PUBLIC_STATEMENT', actorId: 'op', recipientId: null, date: null, phase: null, description: null, sourceUrl: null, confidence: null, recordedAt: null, ...over,
});
const told = n({ id: 'told', kind: 'PROCESSOR_TO_CONTROLLER', actorId: 'op', recipientId: 'ins', date: '2024-02-02' });
const cnil = (date: string | null) => n({ id: `cnil-${date}`, kind: 'TO_SUPERVISORY_AUTHORITY', actorId: 'ins', recipientId: 'org-cnil', date });

test('addDays crosses month ends and leap days', () => {
  expect(addDays('2024-02-27', 3)).toBe('2024-03-01');
  expect(addDays('2024-02-02', 3)).toBe('2024-02-05');
});

test('awareness from the processor’s dated notice; deadline three days later; the deadline day is on time, the next is late', () => {
  expect(controllerDuty('b', 'ins', [told])).toMatchObject({ awarenessDate: '2024-02-02', awarenessBasis: 'PROCESSOR_NOTIFIED', cnilDeadline: '2024-02-05', status: 'NOT_RECORDED' });
  expect(controllerDuty('b', 'ins', [told, cnil('2024-02-05')]).status).toBe('ON_TIME');
  expect(controllerDuty('b', 'ins', [told, cnil('2024-02-06')]).status).toBe('LATE');
  // The first dated notification decides; a later complementary one does not make it late.
  expect(controllerDuty('b', 'ins', [told, cnil('2024-02-09'), cnil('2024-02-03')]).status).toBe('ON_TIME');
});

test('unknowns stay unknown: no dated notice, an undated CNIL notification, a notice to someone else', () => {
  const undatedNotice = { ...told, date: null };
  expect(controllerDuty('b', 'ins', [undatedNotice])).toMatchObject({ awarenessDate: null, awarenessBasis: 'UNKNOWN', cnilDeadline: null, status: 'NOT_RECORDED' });
  expect(controllerDuty('b', 'ins', [told, cnil(null)]).status).toBe('UNKNOWN');
  expect(controllerDuty('b', 'ins', [cnil('2024-02-03')]).status).toBe('UNKNOWN');
  expect(controllerDuty('b', 'other', [told]).awarenessBasis).toBe('UNKNOWN');
  // The processor's own notice to the CNIL is not the controller's.
  expect(controllerDuty('b', 'ins', [told, n({ kind: 'TO_SUPERVISORY_AUTHORITY', actorId: 'op', recipientId: 'org-cnil', date: '2024-02-03' })]).status).toBe('NOT_RECORDED');
});

test('people: NOTIFIED when the controller told them, dated or not', () => {
  expect(controllerDuty('b', 'ins', [n({ kind: 'TO_DATA_SUBJECTS', actorId: 'ins' })])).toMatchObject({ peopleDecision: 'NOTIFIED', peopleNotifiedOn: null });
  expect(controllerDuty('b', 'ins', [n({ kind: 'TO_DATA_SUBJECTS', actorId: 'someone' })]).peopleDecision).toBe('NOT_RECORDED');
});

test('sorting: deadline (unknown last), name, status (most pressing first)', () => {
  const a = controllerDuty('b', 'a', [{ ...told, recipientId: 'a' }]);
  const z = controllerDuty('b', 'z', []);
  const late = controllerDuty('b', 'late', [{ ...told, recipientId: 'late' }, { ...cnil('2024-03-01'), actorId: 'late' }]);
  const names: Record<string, string> = { a: 'Zed', z: 'Alpha', late: 'Mid' };
  const ids = (xs: Array<{ controllerId: string }>) => xs.map((x) => x.controllerId);
  expect(ids(sortDuties([z, a, late], 'DEADLINE', (id) => names[id]))).toEqual(['late', 'a', 'z']);
  expect(ids(sortDuties([z, a, late], 'CONTROLLER', (id) => names[id]))).toEqual(['z', 'late', 'a']);
  expect(ids(sortDuties([z, a, late], 'STATUS', (id) => names[id]))).toEqual(['late', 'z', 'a']);
});


test('rangeOf: smallest and largest per-day count, earliest day on ties; daysBetween includes both ends', () => {
  expect(daysBetween('2024-01-30', '2024-02-02')).toEqual(['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02']);
  expect(rangeOf([{ date: '2024-01-22', value: 50 }, { date: '2024-01-27', value: 55 }, { date: '2024-02-02', value: 55 }])).toEqual({ min: 50, max: 55, minOn: '2024-01-22', maxOn: '2024-01-27' });
  expect(rangeOf([])).toBeNull();
});

test('disclosedRange: exact for an insurer; a small bound withholds both for a controlled audience', () => {
  const r = { min: 3, max: 40, minOn: 'a', maxOn: 'b' };
  expect(disclosedRange(r, false, false, 10)).toMatchObject({ min: 3, max: 40, exact: false, suppressed: false });
  expect(disclosedRange(r, false, true, 10)).toEqual({ min: null, max: null, exact: false, minOn: null, maxOn: null, suppressed: true });
  expect(disclosedRange({ min: 12, max: 12, minOn: 'a', maxOn: 'a' }, true, true, 10)).toMatchObject({ min: 12, exact: true });
});

test('draftPhase: INITIAL until the controller has notified the CNIL, then COMPLEMENTARY', () => {
  expect(draftPhase('ins', [told]).phase).toBe('INITIAL');
  expect(draftPhase('ins', [told, cnil('2024-02-04')])).toMatchObject({ phase: 'COMPLEMENTARY' });
});
