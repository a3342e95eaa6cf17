import { FormEvent, useEffect, useState } from 'react';
import { request } from '../common/graphql-client';
import type { InsurerAffectedContractsQuery, InsurerMemberExposureQuery } from '../gql/graphql';
import { DateFigure, Figure } from './Figure';
import { confidencePhrase, useT, type WordKey } from './i18n';
import { MailingExport } from './MailingExport';
import { categoryName } from './category-name';
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

/** Wait after the last keystroke before the search is sent (one request per pause, not per key). */
const SEARCH_DEBOUNCE_MS = 300;

/** `value`, once it has stayed the same for `ms`. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

type ContractNode = InsurerAffectedContractsQuery['affectedContracts']['edges'][number]['node'];

/** The words of a path's basis (ACTIVE flow, or data RETAINED by the operator after its flow ended). */
function pathBasisKey(basis: string): WordKey {
  return basis === 'RETAINED' ? 'pathBasisRETAINED' : 'pathBasisACTIVE';
}

/** One affected contract: its number with the « ancien client » badge from the API's clientBasis, its paths, its exposures with their caveats. */
function ContractRow({ node }: { node: ContractNode }) {
  const { t, v, lang } = useT();
  const former = node.clientBasis === 'FORMER';
  return (
    <tr data-contract={node.contract.number} data-insurer={node.contract.insurer.id} data-client-basis={node.clientBasis} className={former ? 'former' : undefined}>
      <td>
        {node.contract.number}{' '}
        {former ? <span className="badge" data-former="true" title={t('formerClientNote')}>{t('formerClient')}</span> : null}
      </td>
      <td>{node.contract.insurer.name}</td>
      <td>{node.contract.product ?? ''}</td>
      <td><DateFigure k={`contract.${node.contract.id}.start`} date={node.contract.startDate} /></td>
      <td>{node.contract.endDate ? <DateFigure k={`contract.${node.contract.id}.end`} date={node.contract.endDate} /> : '—'}</td>
      <td><Figure k={`contract.${node.contract.id}.beneficiaries`} value={node.beneficiaryCount} /></td>
      <td>
        {node.paths.map((p, i) => (
          <div key={i} data-path-basis={p.basis}>
            {[p.system.name, p.operator.name, p.partner?.name, p.controller?.name].filter(Boolean).join(' → ')} (<span className="path-basis">{t(pathBasisKey(p.basis))}</span>)
          </div>
        ))}
      </td>
      <td>
        {node.exposures.map((e) => (
          <div key={`${e.category.id}-${e.status}-${e.scope}`} data-exposure={e.category.id} data-status={e.status} data-confidence={e.confidence ?? 'unknown'}>
            {categoryName(e.category, lang)} — <span className="exposure-status">{v(e.status)}</span>, <span className="exposure-confidence">{confidencePhrase(lang, e.confidence)}</span>
            {e.scope !== 'ALL' && (e.scope === 'SOME_INSURERS' || e.scope === 'SOME_SUBJECTS') ? <span className="caveat"> — {t(`scope${e.scope}`)}</span> : null}
            {e.scopeNote ? <span className="caveat"> ({e.scopeNote})</span> : null}
          </div>
        ))}
      </td>
    </tr>
  );
}

/**
 * One breach's affected contracts, paged by cursor, each with its path and exposed categories; the
 * search box asks the API (debounced) for the contracts whose number starts with what is typed,
 * across every page, and pages through those.
 */
function Contracts({ breachId, token }: { breachId: string; token: string | null }) {
  const { t } = useT();
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed.trim(), SEARCH_DEBOUNCE_MS);
  // The cursor of the page shown (null: the first), for the search it was given by: another
  // search starts from its own first page. A cursor is opaque.
  const [cursor, setCursor] = useState<{ search: string; after: string | null }>({ search: '', after: null });
  const after = cursor.search === search ? cursor.after : null;
  const setAfter = (next: string | null) => setCursor({ search, after: next });
  // Forget the cursor of a search left, so coming back to it starts from its first page too.
  useEffect(() => setCursor((c) => (c.search === search ? c : { search, after: null })), [search]);
  const { data, error, loading } = useQuery(AffectedContractsDocument, { breachId, first: PAGE_SIZE, after, search: search === '' ? null : search }, token);
  const page = data?.affectedContracts;
  return (
    <div className="contracts" data-testid={`contracts-${breachId}`} data-search={search}>
      <label>
        {t('search')} <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} maxLength={64} data-testid="contract-search" />
      </label>
      {loading ? <p>{t('loading')}</p> : null}
      {!loading && (error || !page) ? <p className="error" role="alert">{t('error')} : {error}</p> : null}
      {!loading && page ? (
        <>
          <p>
            {t('total')} : <Figure k={`contracts.${breachId}.totalCount`} value={page.totalCount} />
            {search ? <> {t('searchFound')} « {search} »</> : null} — {t('referenceDate')} <DateFigure k={`contracts.${breachId}.referenceDate`} date={page.referenceDate} />
          </p>
          <table>
            <thead>
              <tr><th>{t('contractNumber')}</th><th>{t('insurers')}</th><th>{t('product')}</th><th>{t('start')}</th><th>{t('end')}</th><th>{t('beneficiaries')}</th><th>{t('path')}</th><th>{t('contractExposures')}</th></tr>
            </thead>
            <tbody>
              {page.edges.map(({ node }) => <ContractRow key={node.contract.id} node={node} />)}
            </tbody>
          </table>
          <div className="pager">
            <button disabled={after === null} onClick={() => setAfter(null)}>{t('firstPage')}</button>
            <button disabled={!page.pageInfo.hasNextPage} onClick={() => setAfter(page.pageInfo.endCursor ?? null)} data-testid="next-page">{t('nextPage')}</button>
          </div>
        </>
      ) : null}
    </div>
  );
}

/**
 * Member lookup by NIR: the NIR goes in the POST body of one GraphQL request (a variable), never in
 * an address, the history or storage; the field is cleared once answered.
 */
function MemberLookup({ token }: { token: string | null }) {
  const { t, lang } = useT();
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
                {b.breach.name} — {b.contract.number} — {b.exposedCategories.map((c) => categoryName(c, lang)).join(', ')}
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
