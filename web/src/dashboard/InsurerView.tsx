import { FormEvent, useState } from 'react';
import { request } from '../common/graphql-client';
import type { InsurerMemberExposureQuery } from '../gql/graphql';
import { DateFigure, Figure } from './Figure';
import { useT } from './i18n';
import { MailingExport } from './MailingExport';
import { AffectedContractsDocument, CatalogueDocument, MemberExposureDocument, OwnTotalsDocument } from './operations';
import { useQuery } from './use-query';

/** Contracts per page: the API's default page, within its query-cost limit for this selection. */
const PAGE_SIZE = 20;

/** The insurer's own totals for one breach (exact: its own share). */
function OwnTotals({ breachId, name, token }: { breachId: string; name: string; token: string | null }) {
  const { t } = useT();
  const { data, error } = useQuery(OwnTotalsDocument, { breachId }, token);
  return (
    <tr data-breach={breachId}>
      <td>{name}</td>
      <td>{data ? <DateFigure k={`own.${breachId}.referenceDate`} date={data.breachImpact.referenceDate} /> : null}</td>
      <td>{data ? <Figure k={`own.${breachId}.people`} value={data.breachImpact.totals.people} suppressed={data.breachImpact.totals.suppressed} /> : error ? <span className="error">{error}</span> : t('loading')}</td>
      <td>{data ? <Figure k={`own.${breachId}.contracts`} value={data.breachImpact.totals.contracts} suppressed={data.breachImpact.totals.suppressed} /> : null}
        {data && !data.breachImpact.freshness.current ? <span className="stale" role="status" data-testid={`stale-own-${breachId}`}> ({t('staleShort')})</span> : null}</td>
    </tr>
  );
}

/** One breach's affected contracts, paged by cursor, each with its path and exposed categories. */
function Contracts({ breachId, token }: { breachId: string; token: string | null }) {
  const { t, v } = useT();
  // The cursors of the pages seen, so "first page" goes back; a cursor is opaque.
  const [after, setAfter] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const { data, error, loading } = useQuery(AffectedContractsDocument, { breachId, first: PAGE_SIZE, after }, token);
  if (loading) return <p>{t('loading')}</p>;
  if (error || !data) return <p className="error" role="alert">{t('error')} : {error}</p>;
  const page = data.affectedContracts;
  const needle = filter.trim().toLowerCase();
  const rows = page.edges.filter(({ node }) => !needle || node.contract.number.toLowerCase().includes(needle) || (node.contract.product ?? '').toLowerCase().includes(needle));
  return (
    <div className="contracts" data-testid={`contracts-${breachId}`}>
      <p>
        {t('total')} : <Figure k={`contracts.${breachId}.totalCount`} value={page.totalCount} /> — {t('referenceDate')} <DateFigure k={`contracts.${breachId}.referenceDate`} date={page.referenceDate} />
      </p>
      <label>
        {t('search')} <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      </label>
      <table>
        <thead>
          <tr><th>{t('contractNumber')}</th><th>{t('insurers')}</th><th>{t('product')}</th><th>{t('start')}</th><th>{t('end')}</th><th>{t('beneficiaries')}</th><th>{t('path')}</th><th>{t('exposedCategories')}</th></tr>
        </thead>
        <tbody>
          {rows.map(({ node }) => {
            const former = node.contract.endDate !== null || node.paths.every((p) => p.basis === 'RETAINED');
            return (
              <tr key={node.contract.id} data-contract={node.contract.number} data-insurer={node.contract.insurer.id} className={former ? 'former' : undefined}>
                <td>
                  {node.contract.number} {former ? <span className="badge" data-former="true">{t('formerClient')}</span> : null}
                </td>
                <td>{node.contract.insurer.name}</td>
                <td>{node.contract.product ?? ''}</td>
                <td><DateFigure k={`contract.${node.contract.id}.start`} date={node.contract.startDate} /></td>
                <td>{node.contract.endDate ? <DateFigure k={`contract.${node.contract.id}.end`} date={node.contract.endDate} /> : '—'}</td>
                <td><Figure k={`contract.${node.contract.id}.beneficiaries`} value={node.beneficiaryCount} /></td>
                <td>
                  {node.paths.map((p, i) => (
                    <div key={i}>{[p.system.name, p.operator.name, p.partner?.name, p.controller?.name].filter(Boolean).join(' → ')} ({v(p.basis)})</div>
                  ))}
                </td>
                <td>
                  {node.exposedCategories.map((c) => {
                    const caveat = node.exposures.find((e) => e.category.id === c.id && e.scope !== 'ALL');
                    return (
                      <div key={c.id}>
                        {c.name}
                        {caveat?.scopeNote ? <span className="caveat"> ({caveat.scopeNote})</span> : null}
                      </div>
                    );
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="pager">
        <button disabled={after === null} onClick={() => setAfter(null)}>{t('firstPage')}</button>
        <button disabled={!page.pageInfo.hasNextPage} onClick={() => setAfter(page.pageInfo.endCursor ?? null)} data-testid="next-page">{t('nextPage')}</button>
      </div>
    </div>
  );
}

/**
 * Member lookup by NIR: the NIR goes in the POST body of one GraphQL request (a variable), never in
 * an address, the history or storage; the field is cleared once answered.
 */
function MemberLookup({ token }: { token: string | null }) {
  const { t } = useT();
  const [nir, setNir] = useState('');
  const [result, setResult] = useState<InsurerMemberExposureQuery['memberExposure'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    try {
      setResult((await request(MemberExposureDocument, { nir }, token)).memberExposure);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setNir('');
    }
  };
  return (
    <section className="member" data-testid="member-lookup">
      <h2>{t('memberLookup')}</h2>
      <p className="note">{t('memberLookupNote')}</p>
      {/* No action, no method, no name: the form is never submitted by the browser itself. */}
      <form onSubmit={submit} autoComplete="off">
        <label>
          {t('nir')} <input value={nir} onChange={(e) => setNir(e.target.value)} autoComplete="off" spellCheck={false} inputMode="text" data-testid="nir" />
        </label>
        <button type="submit">{t('lookUp')}</button>
      </form>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {result ? (
        result.breaches.length === 0 ? (
          <p>{t('notAffected')}</p>
        ) : (
          <ul>
            {result.breaches.map((b) => (
              <li key={`${b.breach.id}-${b.contract.id}`}>
                {b.breach.name} — {b.contract.number} — {b.exposedCategories.map((c) => c.name).join(', ')}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

/** The insurer's view: its own totals per breach, its affected contracts and their mailing export, the member lookup. */
export function InsurerView({ token, org }: { token: string | null; org: string | undefined }) {
  const { t } = useT();
  const catalogue = useQuery(CatalogueDocument, {}, token);
  const [breachId, setBreachId] = useState<string | null>(null);
  if (catalogue.loading) return <p>{t('loading')}</p>;
  if (catalogue.error || !catalogue.data) return <p className="error" role="alert">{catalogue.error}</p>;
  const breaches = catalogue.data.breaches;
  const current = breachId ?? breaches[0]?.id;
  return (
    <div className="insurer" data-org={org}>
      <section>
        <h2>{t('ownTotals')}</h2>
        <table className="own-totals">
          <thead><tr><th>{t('breach')}</th><th>{t('referenceDate')}</th><th>{t('people')}</th><th>{t('contracts')}</th></tr></thead>
          <tbody>{breaches.map((b) => <OwnTotals key={b.id} breachId={b.id} name={b.name} token={token} />)}</tbody>
        </table>
      </section>
      <section>
        <h2>{t('affectedContracts')}</h2>
        <nav className="breach-tabs" role="tablist">
          {breaches.map((b) => (
            <button key={b.id} role="tab" aria-selected={b.id === current} data-breach={b.id} onClick={() => setBreachId(b.id)}>{b.name}</button>
          ))}
        </nav>
        {current ? <MailingExport key={`export-${current}`} breachId={current} token={token} /> : null}
        {current ? <Contracts key={current} breachId={current} token={token} /> : null}
      </section>
      <MemberLookup token={token} />
    </div>
  );
}
