import { useMemo, useState } from 'react';
import type { DashboardBreachImpactQuery, DashboardCatalogueQuery } from '../gql/graphql';
import { CrossBreachCounts } from './CrossBreachCounts';
import { ExplorerLink } from './ExplorerLink';
import { DateFigure, Figure, Source } from './Figure';
import { useT } from './i18n';
import { AcrossBreachesDocument, BreachImpactDocument, CatalogueDocument } from './operations';
import { NotificationDuties } from './NotificationDuties';
import { Sankey, sankeyData } from './Sankey';
import { StaleNote } from './StaleNote';
import { TimelineChart } from './TimelineChart';
import { useQuery } from './use-query';

type Breach = DashboardCatalogueQuery['breaches'][number];
type Impact = DashboardBreachImpactQuery['breachImpact'];

/** One breach's timeline: every dated event with its source and confidence; an unknown date reads unknown. */
function Timeline({ breach }: { breach: Breach }) {
  const { t, v } = useT();
  return (
    <div className="timeline" data-testid={`timeline-${breach.id}`}>
      <dl className="key-dates">
        <dt>{t('intrusion')}</dt>
        <dd><DateFigure k={`breach.${breach.id}.intrusion`} date={breach.intrusion.known ? breach.intrusion.date : null} /></dd>
        <dt>{t('detection')}</dt>
        <dd><DateFigure k={`breach.${breach.id}.detection`} date={breach.detection.known ? breach.detection.date : null} /></dd>
        <dt>{t('disclosure')}</dt>
        <dd><DateFigure k={`breach.${breach.id}.disclosure`} date={breach.disclosure.known ? breach.disclosure.date : null} /></dd>
      </dl>
      <TimelineChart breachId={breach.id} events={breach.timeline} label={t('timeline')} />
      <table>
        <thead>
          <tr><th>{t('date')}</th><th>{t('event')}</th><th>{t('source')}</th><th>{t('confidence')}</th></tr>
        </thead>
        <tbody>
          {[...breach.timeline]
            .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
            .map((e) => (
              <tr key={e.id}>
                <td><DateFigure k={`event.${e.id}.date`} date={e.date} /></td>
                <td><strong>{v(e.kind)}</strong>{e.description ? ` — ${e.description}` : ''}</td>
                <td><Source url={e.sourceUrl} /></td>
                <td className="confidence">{e.confidence ?? t('unknown')}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** The impact of one breach for an aggregate role: computed beside reported, breakdowns, Sankey. */
function ImpactBlock({ breach, token }: { breach: Breach; token: string | null }) {
  const { t, v } = useT();
  const variables = { breachId: breach.id };
  const { data, error, loading } = useQuery(BreachImpactDocument, variables, token);
  const sankey = useMemo(() => {
    if (!data) return undefined;
    const impact: Impact = data.breachImpact;
    const people = new Map(impact.byInsurer.map((i) => [i.insurer.id, i.suppressed ? null : (i.people ?? null)]));
    const paths = impact.paths
      // A path whose controllers the record does not name (a broker's clients) flows to no insurer.
      .flatMap((p) => (p.population.kind === 'INSURED' && p.controller ? [{ ...p, controller: p.controller }] : []))
      .map((p) => ({ system: p.system.name, operator: p.operator.name, network: p.partner?.name ?? null, insurerId: p.controller.id, insurer: p.controller.name }));
    return sankeyData(breach.name, paths, people);
  }, [data, breach.name]);
  if (loading) return <p>{t('loading')}</p>;
  if (error || !data) return <p className="error" role="alert">{t('error')} : {error}</p>;
  const impact = data.breachImpact;
  const k = (s: string) => `impact.${breach.id}.${s}`;
  return (
    <div className="impact" data-testid={`impact-${breach.id}`}>
      <h3>
        {t('impact')} — {t('referenceDate')} <DateFigure k={k('referenceDate')} date={impact.referenceDate} /> ({v(impact.referenceDateBasis)})
        <ExplorerLink document={BreachImpactDocument} variables={variables} />
      </h3>
      <StaleNote testId={`stale-${breach.id}`} freshness={impact.freshness} />
      <div className="side-by-side">
        <section>
          <h4>{t('computed')}</h4>
          <table className="totals">
            <tbody>
              <tr><th>{t('people')}</th><td><Figure k={k('totals.people')} value={impact.totals.people} suppressed={impact.totals.suppressed} /></td></tr>
              <tr><th>{t('contracts')}</th><td><Figure k={k('totals.contracts')} value={impact.totals.contracts} suppressed={impact.totals.suppressed} /></td></tr>
              <tr><th>{t('insurers')}</th><td><Figure k={k('totals.insurers')} value={impact.totals.insurers} /></td></tr>
              <tr><th>{t('populations')}</th><td><Figure k={k('totals.populations')} value={impact.totals.populations} /></td></tr>
              <tr><th>{t('populationsUnknownSize')}</th><td><Figure k={k('totals.populationsOfUnknownSize')} value={impact.totals.populationsOfUnknownSize} /></td></tr>
            </tbody>
          </table>
        </section>
        <section>
          <h4>{t('reported')}</h4>
          <table className="reported">
            <thead><tr><th>{t('reportedBy')}</th><th>{t('value')}</th><th>{t('date')}</th><th>{t('source')}</th><th>{t('caveats')}</th></tr></thead>
            <tbody>
              {impact.reportedFigures.map((f) => (
                <tr key={f.id}>
                  <td>{f.reportedBy?.name ?? t('unknown')}{f.about ? ` (${f.about.name})` : ''}</td>
                  <td>
                    {v(f.qualifier)} <Figure k={`reported.${f.id}.value`} value={f.value} /> {v(f.metric)}
                    {f.year ? ` (${f.year})` : ''}
                    {f.confidence ? <span className="confidence"> [{f.confidence}]</span> : null}
                  </td>
                  <td><DateFigure k={`reported.${f.id}.date`} date={f.date} /></td>
                  <td><Source url={f.sourceUrl} /></td>
                  <td>{f.caveats.map((c) => <p key={c.id} className="caveat">{c.text} <Source url={c.sourceUrl} /> [{c.confidence ?? '?'}]</p>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section>
        <h4>{t('byInsurer')}</h4>
        <table className="by-insurer" data-testid={`by-insurer-${breach.id}`}>
          <thead><tr><th>{t('insurers')}</th><th>{t('people')}</th><th>{t('contracts')}</th><th>{t('operators')}</th><th>{t('basis')}</th></tr></thead>
          <tbody>
            {impact.byInsurer.map((i) => (
              <tr key={i.insurer.id} data-insurer={i.insurer.id} className={i.suppressed ? 'suppressed-row' : undefined}>
                <td>{i.insurer.name}</td>
                <td><Figure k={k(`byInsurer.${i.insurer.id}.people`)} value={i.people} suppressed={i.suppressed} /></td>
                <td><Figure k={k(`byInsurer.${i.insurer.id}.contracts`)} value={i.contracts} suppressed={i.suppressed} /></td>
                <td>{i.operators.map((o) => o.name).join(', ')}</td>
                <td>{i.bases.map((b) => v(b)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="note">{t('suppressedNote')}</p>
      </section>
      <section>
        <h4>{t('byPartner')}</h4>
        <table className="by-partner">
          <thead><tr><th>{t('partner')}</th><th>{t('role')}</th><th>{t('people')}</th><th>{t('contracts')}</th><th>{t('insurers')}</th></tr></thead>
          <tbody>
            {impact.byPartner.map((p) => (
              <tr key={`${p.partner.id}-${p.role}`}>
                <td>{p.partner.name}</td>
                <td>{v(p.role)}</td>
                <td><Figure k={k(`byPartner.${p.partner.id}.${p.role}.people`)} value={p.people} suppressed={p.suppressed} /></td>
                <td><Figure k={k(`byPartner.${p.partner.id}.${p.role}.contracts`)} value={p.contracts} suppressed={p.suppressed} /></td>
                <td><Figure k={k(`byPartner.${p.partner.id}.${p.role}.insurers`)} value={p.insurers} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h4>{t('byCategory')}</h4>
        <table className="by-category">
          <thead><tr><th>{t('category')}</th><th>{t('subjects')}</th><th>{t('people')}</th><th>{t('contracts')}</th><th>{t('populations')}</th></tr></thead>
          <tbody>
            {impact.byCategory.map((c) => (
              <tr key={c.category.id}>
                <td>{c.category.name}</td>
                <td>{c.subjects.map((s) => v(s)).join(', ')}</td>
                <td><Figure k={k(`byCategory.${c.category.id}.people`)} value={c.people} suppressed={c.suppressed} /></td>
                <td><Figure k={k(`byCategory.${c.category.id}.contracts`)} value={c.contracts} suppressed={c.suppressed} /></td>
                <td><Figure k={k(`byCategory.${c.category.id}.populations`)} value={c.populations} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h4>{t('exposures')}</h4>
        <table className="exposures">
          <thead><tr><th>{t('category')}</th><th>{t('subjects')}</th><th>{t('status')}</th><th>{t('confidence')}</th><th>{t('source')}</th></tr></thead>
          <tbody>
            {data.breach.exposures.map((e) => (
              <tr key={`${e.category.id}-${e.subjects}-${e.status}`} className={`status-${e.status}`}>
                <td>{e.category.name}{e.scope !== 'ALL' && e.scopeNote ? ` — ${e.scopeNote}` : ''}</td>
                <td>{v(e.subjects)}</td>
                <td>{v(e.status)}</td>
                <td className="confidence">{e.confidence ?? t('unknown')}</td>
                <td><Source url={e.sourceUrl} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h4>{t('sankey')}</h4>
        {sankey ? <Sankey data={sankey} /> : null}
        <p className="note">{t('sankeyNote')} {sankey && sankey.suppressedInsurers.length > 0 ? sankey.suppressedInsurers.join(', ') : '—'}</p>
      </section>
    </div>
  );
}

/**
 * Figures across the chosen breaches: the insurers every one of them reaches (affectedInsurers),
 * and the people and contracts they reach, each counted once (crossBreachImpact).
 */
function AcrossBreaches({ breachIds, token }: { breachIds: string[]; token: string | null }) {
  const { t } = useT();
  const variables = { breachIds };
  const { data, error, loading } = useQuery(AcrossBreachesDocument, variables, token, breachIds.length < 2);
  return (
    <section className="across" data-testid="across-breaches">
      <h2>{t('crossBreach')} <ExplorerLink document={AcrossBreachesDocument} variables={variables} /></h2>
      {loading ? <p>{t('loading')}</p> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      {data ? (
        <p>
          {t('affectedByAll')} :{' '}
          <Figure k="across.affectedByAll" value={data.affectedInsurers.filter((i) => i.affectedByAll).length} /> —{' '}
          {data.affectedInsurers.filter((i) => i.affectedByAll).map((i) => i.insurer.name).sort().join(', ')}
        </p>
      ) : null}
      <div data-slot="cross-breach-counts">
        <CrossBreachCounts breachIds={breachIds} token={token} />
      </div>
    </section>
  );
}

/**
 * The regulator's (and analyst's) dashboard: the breach catalogue with timelines, the impact of
 * the breach chosen, figures across the chosen breaches, and the notification duties of the
 * breach chosen (REGULATOR only: an analyst is told they are not for its role).
 */
export function RegulatorView({ token, role }: { token: string | null; role: string | undefined }) {
  const { t } = useT();
  const { data, error, loading } = useQuery(CatalogueDocument, {}, token);
  const [selected, setSelected] = useState<string | null>(null);
  if (loading) return <p>{t('loading')}</p>;
  if (error || !data) return <p className="error" role="alert">{t('error')} : {error}</p>;
  const current = data.breaches.find((b) => b.id === selected) ?? data.breaches[0];
  return (
    <div className="regulator">
      <section>
        <h2>{t('catalogue')} <ExplorerLink document={CatalogueDocument} variables={{}} /></h2>
        <nav className="breach-tabs" role="tablist">
          {data.breaches.map((b) => (
            <button key={b.id} role="tab" aria-selected={b.id === current?.id} data-breach={b.id} onClick={() => setSelected(b.id)}>
              {b.name}
            </button>
          ))}
        </nav>
      </section>
      {current ? (
        <article className="breach" data-testid={`breach-${current.id}`}>
          <h2>{current.name}</h2>
          <p>{t('victim')} : {current.victim.name}. {current.vector ? `${t('vector')} : ${current.vector}` : ''}</p>
          {current.summary ? <p className="summary">{current.summary}</p> : null}
          <h3>{t('timeline')}</h3>
          <Timeline breach={current} />
          <ImpactBlock key={current.id} breach={current} token={token} />
        </article>
      ) : null}
      <AcrossBreaches breachIds={data.breaches.map((b) => b.id)} token={token} />
      {current ? (
        <div data-slot="duties">
          <NotificationDuties key={current.id} breach={current} token={token} role={role} />
        </div>
      ) : null}
    </div>
  );
}
