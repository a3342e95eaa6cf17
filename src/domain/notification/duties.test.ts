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
