import { useState } from 'react';
import type { DashboardDutiesQuery, DutyOrder } from '../gql/graphql';
import { DateFigure, Source, WordFigure } from './Figure';
import { ExplorerLink } from './ExplorerLink';
import { dutyStatusWord, peopleNotificationWord, useT } from './i18n';
import { DutiesDocument } from './operations';
import { useQuery } from './use-query';

type Duty = DashboardDutiesQuery['notificationDuties'][number];

/** The orders the API sorts duties by (DutyOrder), in the order the picker lists them. */
const ORDERS: DutyOrder[] = ['DEADLINE', 'STATUS', 'CONTROLLER'];

/** Today as `YYYY-MM-DD` (UTC, as the API's days are). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * True when the duty's CNIL deadline has passed with no notification recorded in time: LATE, or
 * NOT_RECORDED with a known deadline before today. An unknown deadline is never called overdue
 * (it is shown as unknown, with the API's reason).
 */
export function isOverdue(duty: Pick<Duty, 'status' | 'cnilDeadline'>, on: string = today()): boolean {
  if (duty.status === 'LATE') return true;
  return duty.status === 'NOT_RECORDED' && !!duty.cnilDeadline && duty.cnilDeadline < on;
}

/** One controller's row: who informed it and when, its CNIL deadline and status, the people told. */
function DutyRow({ breachId, duty }: { breachId: string; duty: Duty }) {
  const { lang, t } = useT();
  const k = (s: string) => `duty.${breachId}.${duty.controller.id}.${s}`;
  const overdue = isOverdue(duty);
  const told = duty.awarenessNotification;
  return (
    <tr data-controller={duty.controller.id} data-overdue={String(overdue)} className={`duty-${duty.status}${overdue ? ' overdue' : ''}`}>
      <th scope="row">{duty.controller.name}</th>
      <td>
        <DateFigure k={k('awareness')} date={duty.awarenessDate} />
        {told ? (
          <p className="note">
            {t('awarenessBy')} {told.actor.name} <Source url={told.sourceUrl} /> <span className="confidence">[{told.confidence ?? '?'}]</span>
          </p>
        ) : null}
      </td>
      <td>
        <DateFigure k={k('cnilDeadline')} date={duty.cnilDeadline} />
        {overdue ? <span className="badge" data-testid="overdue"> {t('overdue')}</span> : null}
        <p className="note">{duty.cnilDeadlineText}</p>
      </td>
      <td>
        <WordFigure k={k('status')} value={duty.status} text={dutyStatusWord(lang, duty.status)} className={`status-${duty.status}`} />
        {duty.cnilNotifications.length > 0 ? (
          <ul className="plain">
            {duty.cnilNotifications.map((n) => (
              <li key={n.id}>
                <DateFigure k={`notification.${n.id}.date`} date={n.date} /> {n.phase ? `(${n.phase})` : ''} <Source url={n.sourceUrl} />{' '}
                <span className="confidence">[{n.confidence ?? '?'}]</span>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="note">{duty.statusNote}</p>
      </td>
      <td>
        <WordFigure k={k('peopleNotification')} value={duty.peopleNotification} text={peopleNotificationWord(lang, duty.peopleNotification)} />
        {duty.peopleNotification === 'NOTIFIED' ? (
          <>
            {' — '}
            <DateFigure k={k('peopleNotifiedOn')} date={duty.peopleNotifiedOn} />
          </>
        ) : null}
        <p className="note">{duty.peopleNotificationText}</p>
      </td>
    </tr>
  );
}

/**
 * The notification duties of one breach, for the regulator: every controller the breach reaches,
 * when it became aware and through whom, its deadline to notify the CNIL (72 h, Art. 33) with
 * overdue ones marked, whether the notification is recorded and in time, and whether the people
 * were told (Art. 34). Sorted by the API (DutyOrder). An unknown date reads « inconnue » beside
 * the API's reason; nothing is left blank. Other roles cannot read duties and are told so.
 */
export function NotificationDuties({ breach, token, role }: { breach: { id: string; name: string }; token: string | null; role: string | undefined }) {
  const { t } = useT();
  const [orderBy, setOrderBy] = useState<DutyOrder>('DEADLINE');
  const allowed = role === 'REGULATOR';
  const variables = { breachId: breach.id, orderBy };
  const { data, error, loading } = useQuery(DutiesDocument, variables, token, !allowed);
  const headingId = `duties-heading-${breach.id}`;
  return (
    <section className="duties" data-testid="duties" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('duties')} — {breach.name}
        {allowed ? <ExplorerLink document={DutiesDocument} variables={variables} /> : null}
      </h2>
      {!allowed ? (
        <p className="note" data-testid="duties-forbidden">{t('dutiesRegulatorOnly')}</p>
      ) : (
        <>
          <p className="note">{t('dutiesIntro')}</p>
          <label className="sort">
            {t('sortBy')}{' '}
            <select data-testid="duty-order" value={orderBy} onChange={(e) => setOrderBy(e.target.value as DutyOrder)}>
              {ORDERS.map((o) => (
                <option key={o} value={o}>{t(`sort${o}` as const)}</option>
              ))}
            </select>
          </label>
          {loading ? <p>{t('loading')}</p> : null}
          {error ? <p className="error" role="alert">{t('error')} : {error}</p> : null}
          {data && data.notificationDuties.length === 0 ? <p>{t('noDuties')}</p> : null}
          {data && data.notificationDuties.length > 0 ? (
            <>
              <table className="duties-table" data-testid={`duties-${breach.id}`} data-order={orderBy} aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col" aria-sort={orderBy === 'CONTROLLER' ? 'ascending' : undefined}>{t('controller')}</th>
                    <th scope="col">{t('awareness')}</th>
                    <th scope="col" aria-sort={orderBy === 'DEADLINE' ? 'ascending' : undefined}>{t('cnilDeadline')}</th>
                    <th scope="col" aria-sort={orderBy === 'STATUS' ? 'other' : undefined}>{t('cnilNotification')}</th>
                    <th scope="col">{t('peopleNotification')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.notificationDuties.map((d) => (
                    <DutyRow key={d.controller.id} breachId={breach.id} duty={d} />
                  ))}
                </tbody>
              </table>
              <p className="note">{t('overdueNote')}</p>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
