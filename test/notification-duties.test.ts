import { Api, as, startApi } from './harness';

/**
 * #11 §3, the notification cascade on the seeded case: what the record says (who informed whom,
 * when), each controller's 72-hour CNIL deadline and status, and an insurer recording its own
 * notifications, audited, never another's. Writes only notifications of org-alan (and a refused
 * attempt), which examples.graphql does not touch.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const DUTIES = `query($b: ID!, $o: DutyOrder) { notificationDuties(breachId: $b, orderBy: $o) {
  controller { id name } awarenessDate awarenessBasis awarenessNotification { id sourceUrl confidence }
  cnilDeadline cnilDeadlineText status statusNote peopleNotification peopleNotificationText
  cnilNotifications { id date } } }`;

const RECORD = `mutation Record($input: RecordNotificationInput!) { recordNotification(input: $input) {
  id kind gdprArticle date phase actor { id } recipient { id } breach { id } recordedAt } }`;

test('the seeded cascade states what FACTS.md says: Almerys informed Alan on 2024-02-02 (alan.com, H)', async () => {
  const { data, errors } = await api.run('{ notifications(breachId: "breach-almerys-2024") { id kind gdprArticle actor { id } recipient { id } date sourceUrl confidence } }', undefined, as('REGULATOR'));
  expect(errors).toBeUndefined();
  const byId = new Map(data.notifications.map((n: any) => [n.id, n]));
  expect(byId.get('notif-almerys-to-alan')).toEqual({
    id: 'notif-almerys-to-alan', kind: 'PROCESSOR_TO_CONTROLLER', gdprArticle: 'Art. 33(2)', actor: { id: 'org-almerys' }, recipient: { id: 'org-alan' },
    date: '2024-02-02', sourceUrl: 'alan.com/fr-fr/blog/tout-alan/a/incidents-securite-viamedis-almerys', confidence: 'H',
  });
  expect(byId.get('notif-almerys-public-notice')).toMatchObject({ kind: 'PUBLIC_STATEMENT', date: '2024-02-05', recipient: null });
  // The operator told the CNIL, date unknown: a processor's notice, not an insurer's Art. 33(1) duty.
  expect(byId.get('notif-almerys-to-cnil')).toMatchObject({ kind: 'TO_SUPERVISORY_AUTHORITY', actor: { id: 'org-almerys' }, recipient: { id: 'org-cnil' }, date: null, confidence: 'H' });
  expect(byId.get('notif-mutame-plus-members-almerys')).toMatchObject({ kind: 'TO_DATA_SUBJECTS', gdprArticle: 'Art. 34', date: null });
  // Dated first, in date order; unknown dates last.
  // The public record only: examples.graphql records a notification of MGP's in the same database.
  const dates = data.notifications.filter((n: any) => !n.id.startsWith('notif-recorded-')).map((n: any) => n.date);
  expect(dates.slice(0, 3)).toEqual(['2024-02-02', '2024-02-05', '2024-02-07']);
  expect(dates.slice(3).every((d: unknown) => d === null)).toBe(true);
});

test('an INSURER sees only the notifications it gave or received', async () => {
  const { data, errors } = await api.run('{ notifications(breachId: "breach-almerys-2024") { id actor { id } recipient { id } } }', undefined, as('INSURER', 'org-mgp'));
  expect(errors).toBeUndefined();
  expect(data.notifications.length).toBeGreaterThan(0);
  for (const n of data.notifications) expect([n.actor.id, n.recipient?.id]).toContain('org-mgp');
});

test('Almerys duties: Alan aware 2024-02-02, CNIL deadline 2024-02-05, not recorded; the others unknown, said as unknown', async () => {
  const { data, errors } = await api.run(DUTIES, { b: 'breach-almerys-2024' }, as('REGULATOR'));
  expect(errors).toBeUndefined();
  const duties = data.notificationDuties;
  expect(duties.map((d: any) => d.controller.id)).toEqual([
    'org-alan', 'org-aesio', 'org-la-mutuelle-generale', 'org-mgp', 'org-mutame-plus', 'org-mutuelle-lmp', 'org-mutuelle-mieux-etre', 'org-viasante',
  ]);
  expect(duties[0]).toMatchObject({
    awarenessDate: '2024-02-02', awarenessBasis: 'PROCESSOR_NOTIFIED', awarenessNotification: { id: 'notif-almerys-to-alan', confidence: 'H' },
    cnilDeadline: '2024-02-05', cnilDeadlineText: '2024-02-05: 72 hours from awareness on 2024-02-02', peopleNotification: 'NOTIFIED',
    peopleNotificationText: 'the people were told; the date is unknown',
  });
  // Before any insurer recording, nothing is recorded for Alan (this file records only later).
  expect(duties[0].status).toBe('NOT_RECORDED');
  for (const d of duties.slice(1)) {
    expect(d).toMatchObject({ awarenessDate: null, awarenessBasis: 'UNKNOWN', cnilDeadline: null, status: 'NOT_RECORDED', peopleNotification: 'NOTIFIED' });
    expect(d.cnilDeadlineText).toMatch(/^unknown/);
    expect(d.statusNote).toMatch(/deadline is unknown/);
  }
});

test('Viamedis duties: eight insurers, no recorded awareness, every deadline unknown; sortable by name and status', async () => {
  const byName = await api.run(DUTIES, { b: 'breach-viamedis-2024', o: 'CONTROLLER' }, as('REGULATOR'));
  expect(byName.errors).toBeUndefined();
  const names = byName.data.notificationDuties.map((d: any) => d.controller.name);
  expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'fr')));
  expect(byName.data.notificationDuties.map((d: any) => d.controller.id).sort()).toEqual([
    'org-aesio', 'org-amae', 'org-ca-assurances', 'org-la-mutuelle-generale', 'org-malakoff-humanis', 'org-mutaero', 'org-mutuelle-mieux-etre', 'org-viasante',
  ]);
  for (const d of byName.data.notificationDuties) expect(d).toMatchObject({ awarenessBasis: 'UNKNOWN', cnilDeadline: null, status: 'NOT_RECORDED', peopleNotification: 'NOTIFIED' });
  const byStatus = await api.run(DUTIES, { b: 'breach-viamedis-2024', o: 'STATUS' }, as('REGULATOR'));
  expect(byStatus.data.notificationDuties).toHaveLength(8);
});

test('duties are the regulator’s: an INSURER or ANALYST is FORBIDDEN; an unknown breach NOT_FOUND', async () => {
  for (const p of [as('INSURER', 'org-alan'), as('ANALYST')]) {
    const { errors } = await api.run(DUTIES, { b: 'breach-almerys-2024' }, p);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
  const { errors } = await api.run(DUTIES, { b: 'breach-nope' }, as('REGULATOR'));
  expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
});

test('an insurer cannot record a notification for another insurer: FORBIDDEN, audited, nothing written', async () => {
  const input = { breachId: 'breach-almerys-2024', actorId: 'org-mgp', kind: 'TO_SUPERVISORY_AUTHORITY', date: '2024-02-04', phase: 'INITIAL' };
  const { errors } = await api.run(RECORD, { input }, as('INSURER', 'org-alan'));
  expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const audit = await api.run('{ auditEvents(field: "Mutation.recordNotification", outcome: "REFUSED", limit: 50) { orgId outcome code reason arguments } }', undefined, as('REGULATOR'));
  expect(audit.errors).toBeUndefined();
  expect(audit.data.auditEvents).toEqual(expect.arrayContaining([expect.objectContaining({ orgId: 'org-alan', outcome: 'REFUSED', code: 'FORBIDDEN' })]));
  const mgp = await api.run(DUTIES, { b: 'breach-almerys-2024' }, as('REGULATOR'));
  expect(mgp.data.notificationDuties.find((d: any) => d.controller.id === 'org-mgp').cnilNotifications).toEqual([]);
});

test('bad input is BAD_USER_INPUT naming the argument; other roles cannot record', async () => {
  const base = { breachId: 'breach-almerys-2024', actorId: 'org-alan', kind: 'TO_SUPERVISORY_AUTHORITY', date: '2024-02-04' };
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ kind: 'PROCESSOR_TO_CONTROLLER' }, 'input.kind'],
    [{ date: '2999-01-01' }, 'input.date'],
    [{ recipientId: 'org-mgp' }, 'input.recipientId'],
    [{ kind: 'TO_DATA_SUBJECTS', recipientId: 'org-cnil' }, 'input.recipientId'],
    [{ kind: 'PUBLIC_STATEMENT', phase: 'INITIAL' }, 'input.phase'],
  ];
  for (const [override, argument] of cases) {
    const { errors } = await api.run(RECORD, { input: { ...base, ...override } }, as('INSURER', 'org-alan'));
    expect([argument, errors?.[0].extensions?.code, errors?.[0].extensions?.argument]).toEqual([argument, 'BAD_USER_INPUT', argument]);
  }
  const unknown = await api.run(RECORD, { input: { ...base, breachId: 'breach-nope' } }, as('INSURER', 'org-alan'));
  expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const regulator = await api.run(RECORD, { input: base }, as('REGULATOR'));
  expect(regulator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('Alan records its CNIL notification of 2024-02-04: audited WRITTEN, and its duty reads ON_TIME (deadline 2024-02-05)', async () => {
  const input = { breachId: 'breach-almerys-2024', actorId: 'org-alan', kind: 'TO_SUPERVISORY_AUTHORITY', date: '2024-02-04', phase: 'INITIAL', sourceUrl: 'example.org/alan-cnil-receipt', confidence: 'H' };
  const { data, errors } = await api.run(RECORD, { input }, as('INSURER', 'org-alan'));
  expect(errors).toBeUndefined();
  expect(data.recordNotification).toMatchObject({ kind: 'TO_SUPERVISORY_AUTHORITY', gdprArticle: 'Art. 33(1)', date: '2024-02-04', phase: 'INITIAL', actor: { id: 'org-alan' }, recipient: { id: 'org-cnil' }, breach: { id: 'breach-almerys-2024' } });
  expect(data.recordNotification.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  const audit = await api.run('{ auditEvents(field: "Mutation.recordNotification", outcome: "WRITTEN", limit: 50) { orgId outcome rows operationName } }', undefined, as('REGULATOR'));
  expect(audit.data.auditEvents).toEqual(expect.arrayContaining([{ orgId: 'org-alan', outcome: 'WRITTEN', rows: 1, operationName: 'Record' }]));
  const { data: duties } = await api.run(DUTIES, { b: 'breach-almerys-2024' }, as('REGULATOR'));
  const alan = duties.notificationDuties.find((d: any) => d.controller.id === 'org-alan');
  expect(alan).toMatchObject({ status: 'ON_TIME', cnilDeadline: '2024-02-05', statusNote: 'notified the CNIL on 2024-02-04; deadline 2024-02-05 (aware 2024-02-02)' });
  expect(alan.cnilNotifications.map((n: any) => n.date)).toContain('2024-02-04');
});

test('after Alan’s recording, its Art. 33(3) draft is COMPLEMENTARY (Art. 33(4))', async () => {
  const { data, errors } = await api.run('{ notificationDraft(breachId: "breach-almerys-2024", controllerId: "org-alan") { phase phaseNote markdown } }', undefined, as('INSURER', 'org-alan'));
  expect(errors).toBeUndefined();
  expect(data.notificationDraft.phase).toBe('COMPLEMENTARY');
  expect(data.notificationDraft.phaseNote).toContain('2024-02-04');
  expect(data.notificationDraft.markdown).toContain('Phase: COMPLEMENTARY');
});
