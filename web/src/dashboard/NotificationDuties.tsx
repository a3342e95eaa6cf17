import { useState } from 'react';
import type { DashboardDutiesQuery, DutyOrder } from '../gql/graphql';
import { Confidence, DateFigure, Source, WordFigure } from './Figure';
import { ExplorerLink } from './ExplorerLink';
import { formatDate } from './format';
import { dutyStatusWord, type Lang, peopleNotificationWord, useT } from './i18n';
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

/** A duty's three explanations: its deadline, its status, whether the people were told. */
interface DutyNotes {
  deadline: string;
  status: string;
  people: string;
}

/**
 * The duty's explanations in the page's language. The API words them in English; in French they
 * are said again from the same fields (dates, status, decision), so no note is ever blank and
 * none says more than the fields shown beside it.
 */
export function dutyNotes(lang: Lang, duty: Pick<Duty, 'awarenessDate' | 'cnilDeadline' | 'cnilDeadlineText' | 'status' | 'statusNote' | 'peopleNotification' | 'peopleNotificationText' | 'peopleNotifiedOn'>): DutyNotes {
  if (lang === 'en') return { deadline: duty.cnilDeadlineText, status: duty.statusNote, people: duty.peopleNotificationText };
  const d = (iso: string) => formatDate('fr', iso);
  const deadline =
    duty.cnilDeadline && duty.awarenessDate
      ? `72 heures après la prise de connaissance, le ${d(duty.awarenessDate)}`
      : 'la date à laquelle le responsable du traitement a pris connaissance de la violation n’est pas enregistrée';
  const status = {
    LATE: `notifiée à la CNIL après l’échéance${duty.cnilDeadline ? ` du ${d(duty.cnilDeadline)}` : ''}`,
    ON_TIME: `notifiée à la CNIL au plus tard à l’échéance${duty.cnilDeadline ? ` du ${d(duty.cnilDeadline)}` : ''}`,
    NOT_RECORDED: duty.cnilDeadline
      ? `aucune notification à la CNIL n’est enregistrée ; l’échéance était le ${d(duty.cnilDeadline)}`
      : 'aucune notification à la CNIL n’est enregistrée ; l’échéance est inconnue, faute de date de prise de connaissance',
    UNKNOWN: 'une notification à la CNIL est enregistrée, mais sa date ou celle de la prise de connaissance est inconnue : le respect du délai ne peut être établi',
  }[duty.status] ?? duty.statusNote;
  const people =
    duty.peopleNotification === 'NOTIFIED'
      ? duty.peopleNotifiedOn
        ? `les personnes concernées ont été informées le ${d(duty.peopleNotifiedOn)}`
        : 'les personnes concernées ont été informées ; la date est inconnue'
      : 'aucune communication aux personnes concernées n’est enregistrée';
  return { deadline, status, people };
}

/** One controller's row: who informed it and when, its CNIL deadline and status, the people told. */
function DutyRow({ breachId, duty }: { breachId: string; duty: Duty }) {
  const { lang, t } = useT();
  const k = (s: string) => `duty.${breachId}.${duty.controller.id}.${s}`;
  const overdue = isOverdue(duty);
  const notes = dutyNotes(lang, duty);
  const told = duty.awarenessNotification;
  return (
    <tr data-controller={duty.controller.id} data-overdue={String(overdue)} className={`duty-${duty.status}${overdue ? ' overdue' : ''}`}>
      <th scope="row">{duty.controller.name}</th>
      <td>
        <DateFigure k={k('awareness')} date={duty.awarenessDate} />
        {told ? (
          <p className="note">
            {t('awarenessBy')} {told.actor.name} <Source url={told.sourceUrl} /> <Confidence level={told.confidence} />
          </p>
        ) : null}
      </td>
      <td>
        <DateFigure k={k('cnilDeadline')} date={duty.cnilDeadline} />
        {overdue ? <span className="badge" data-testid="overdue"> {t('overdue')}</span> : null}
        <p className="note">{notes.deadline}</p>
      </td>
      <td>
        <WordFigure k={k('status')} value={duty.status} text={dutyStatusWord(lang, duty.status)} className={`status-${duty.status}`} />
        {duty.cnilNotifications.length > 0 ? (
          <ul className="plain">
            {duty.cnilNotifications.map((n) => (
              <li key={n.id}>
                <DateFigure k={`notification.${n.id}.date`} date={n.date} /> {n.phase ? `(${n.phase})` : ''} <Source url={n.sourceUrl} />{' '}
                <Confidence level={n.confidence} />
              </li>
            ))}
          </ul>
        ) : null}
        <p className="note">{notes.status}</p>
      </td>
      <td>
        <WordFigure k={k('peopleNotification')} value={duty.peopleNotification} text={peopleNotificationWord(lang, duty.peopleNotification)} />
        {duty.peopleNotification === 'NOTIFIED' ? (
          <>
            {' — '}
            <DateFigure k={k('peopleNotifiedOn')} date={duty.peopleNotifiedOn} />
          </>
        ) : null}
        <p className="note">{notes.people}</p>
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
