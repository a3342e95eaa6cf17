import { useMemo, useState } from 'react';
import type { DashboardBreachImpactQuery, DashboardCatalogueQuery } from '../gql/graphql';
import { SourcesFigure, TotalsCoverage } from './Coverage';
import { categoryName } from './category-name';
import { CrossBreachCounts } from './CrossBreachCounts';
import { ExplorerLink } from './ExplorerLink';
import { Confidence, DateFigure, Figure, Source, WordFigure } from './Figure';
import { useT } from './i18n';
import { AcrossBreachesDocument, BreachImpactDocument, CatalogueDocument } from './operations';
import { NotificationDuties } from './NotificationDuties';
import { PeopleKinds, ReportedLargest } from './PeopleKinds';
import { Sankey, sankeyData, type InsurerWeight } from './Sankey';
import { StaleNote } from './StaleNote';
import { TimelineChart } from './TimelineChart';
import { useQuery } from './use-query';

type Breach = DashboardCatalogueQuery['breaches'][number];
type Impact = DashboardBreachImpactQuery['breachImpact'];

/** One breach's timeline: every dated event with its source and confidence; an unknown date reads unknown. */
function Timeline({ breach }: { breach: Breach }) {
  const { t, v, c } = useT();
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
                <td className="confidence" data-confidence={e.confidence ?? 'unknown'}>{c(e.confidence)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** The impact of one breach for an aggregate role: computed beside reported, breakdowns, Sankey. */
function ImpactBlock({ breach, token }: { breach: Breach; token: string | null }) {
  const { t, v, c, lang } = useT();
  const variables = { breachId: breach.id };
  const { data, error, loading } = useQuery(BreachImpactDocument, variables, token);
  const sankey = useMemo(() => {
    if (!data) return undefined;
    const impact: Impact = data.breachImpact;
    const weights = new Map<string, InsurerWeight>(
      impact.byInsurer.map((i) => [i.insurer.id, { people: i.people ?? null, suppressed: i.suppressed, noPortfolio: i.coverage.status === 'NO_PORTFOLIO_LOADED' }]),
    );
    const paths = impact.paths
      // A path whose controllers the record does not name (a broker's clients) flows to no insurer.
      .flatMap((p) => (p.population.kind === 'INSURED' && p.controller ? [{ ...p, controller: p.controller }] : []))
      .map((p) => ({ system: p.system.name, operator: p.operator.name, network: p.partner?.name ?? null, insurerId: p.controller.id, insurer: p.controller.name }));
    return sankeyData(breach.name, paths, weights);
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
          <TotalsCoverage breachId={breach.id} totals={impact.totals} />
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
                    {f.confidence ? <> <Confidence level={f.confidence} /></> : null}
                  </td>
                  <td><DateFigure k={`reported.${f.id}.date`} date={f.date} /></td>
                  <td><Source url={f.sourceUrl} /></td>
                  <td>{f.caveats.map((x) => <p key={x.id} className="caveat">{x.text} <Source url={x.sourceUrl} /> <Confidence level={x.confidence} /></p>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <PeopleKinds breachId={breach.id} totals={impact.totals} />
      <section>
        <h4>{t('byInsurer')}</h4>
        <table className="by-insurer" data-testid={`by-insurer-${breach.id}`}>
          <thead><tr><th>{t('insurers')}</th><th>{t('people')}</th><th>{t('contracts')}</th><th>{t('portfolio')}</th><th>{t('operators')}</th><th>{t('basis')}</th></tr></thead>
          <tbody>
            {impact.byInsurer.map((i) => {
              const kk = (s: string) => k(`byInsurer.${i.insurer.id}.${s}`);
              // The API's coverage says why a count is absent: no portfolio loaded is neither 0 nor suppressed.
              const absent = i.coverage.status === 'NO_PORTFOLIO_LOADED' ? 'noPortfolio' : undefined;
              return (
              <tr key={i.insurer.id} data-insurer={i.insurer.id} data-coverage={i.coverage.status} className={i.suppressed ? 'suppressed-row' : absent ? 'no-portfolio-row' : undefined}>
                <td>{i.insurer.name}</td>
                <td><Figure k={kk('people')} value={i.people} suppressed={i.suppressed} absent={absent} /></td>
                <td><Figure k={kk('contracts')} value={i.contracts} suppressed={i.suppressed} absent={absent} /></td>
                <td>
                  <WordFigure k={kk('coverage')} value={i.coverage.status} text={v(i.coverage.status)} className={`coverage-${i.coverage.status}`} />
                  {i.coverage.sources.length > 0 ? <> (<SourcesFigure k={kk('sources')} sources={i.coverage.sources} />)</> : null}
                </td>
                <td>{i.operators.map((o) => o.name).join(', ')}</td>
                <td>{i.bases.map((b) => v(b)).join(', ')}</td>
              </tr>
              );
            })}
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
                <td><WordFigure k={k(`byPartner.${p.partner.id}.${p.role}.role`)} value={p.role} text={v(p.role)} /></td>
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
          <thead><tr><th>{t('category')}</th><th>{t('subjects')}</th><th>{t('insuredPeople')}</th><th>{t('contracts')}</th><th>{t('professionalsReported')}</th><th>{t('populations')}</th></tr></thead>
          <tbody>
            {impact.byCategory.map((x) => {
              const kk = (s: string) => k(`byCategory.${x.category.id}.${s}`);
              // A count of a kind of people the category is not on a path of does not apply (the API's `subjects`): not « inconnue ».
              const insured = x.subjects.includes('INSURED') ? undefined : 'notApplicable';
              return (
                <tr key={x.category.id}>
                  <td>{categoryName(x.category, lang)}</td>
                  <td>{x.subjects.map((s) => v(s)).join(', ')}</td>
                  <td><Figure k={kk('people')} value={x.people} suppressed={x.suppressed} absent={insured} /></td>
                  <td><Figure k={kk('contracts')} value={x.contracts} suppressed={x.suppressed} absent={insured} /></td>
                  <td>
                    {x.professionals ? (
                      <ReportedLargest k={kk('professionals')} reported={x.professionals} />
                    ) : (
                      <Figure k={kk('professionals')} value={null} absent={x.subjects.includes('PROFESSIONAL') ? undefined : 'notApplicable'} />
                    )}
                  </td>
                  <td><Figure k={kk('populations')} value={x.populations} /></td>
                </tr>
              );
            })}
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
                <td>{categoryName(e.category, lang)}{e.scope !== 'ALL' && e.scopeNote ? ` — ${e.scopeNote}` : ''}</td>
                <td>{v(e.subjects)}</td>
                <td>{v(e.status)}</td>
                <td className="confidence" data-confidence={e.confidence ?? 'unknown'}>{c(e.confidence)}</td>
                <td><Source url={e.sourceUrl} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h4>{t('sankey')}</h4>
        {sankey ? <Sankey data={sankey} /> : null}
        {sankey ? (
          <div className="note sankey-note">
            <p>{t('sankeyNote')}</p>
            <ul>
              <li>{t('sankeySuppressed')} <span data-testid={`sankey-suppressed-${breach.id}`}>{sankey.notDrawn.suppressed.join(', ') || '—'}</span></li>
              <li>{t('sankeyNoPortfolio')} <span data-testid={`sankey-no-portfolio-${breach.id}`}>{sankey.notDrawn.noPortfolio.join(', ') || '—'}</span></li>
              {sankey.notDrawn.unknown.length > 0 ? (
                <li>{t('sankeyUnknown')} <span data-testid={`sankey-unknown-${breach.id}`}>{sankey.notDrawn.unknown.join(', ')}</span></li>
              ) : null}
            </ul>
          </div>
        ) : null}
      </section>
    </div>
  );
}

/** The picker of the breaches the figures across breaches are of: one checkbox per breach. */
function BreachPicker({ breaches, chosen, onToggle }: { breaches: Breach[]; chosen: string[]; onToggle: (id: string) => void }) {
  const { t } = useT();
  return (
    <fieldset className="breach-picker" data-testid="breach-picker">
      <legend>{t('selectBreaches')}</legend>
      {breaches.map((b) => (
        <label key={b.id}>
          <input type="checkbox" data-pick={b.id} checked={chosen.includes(b.id)} onChange={() => onToggle(b.id)} /> {b.name}
        </label>
      ))}
    </fieldset>
  );
}

/** The figures across breaches need two breaches or more. */
const MIN_ACROSS = 2;

/**
 * Figures across the chosen breaches: the insurers every one of them reaches (affectedInsurers),
 * and the people and contracts they reach, each counted once (crossBreachImpact). Fewer than two
 * breaches chosen: no figure, and the reader is told why.
 */
function AcrossBreaches({ breaches, chosen, onToggle, token }: { breaches: Breach[]; chosen: string[]; onToggle: (id: string) => void; token: string | null }) {
  const { t } = useT();
  const enough = chosen.length >= MIN_ACROSS;
  const variables = { breachIds: chosen };
  const { data, error, loading } = useQuery(AcrossBreachesDocument, variables, token, !enough);
  return (
    <section className="across" data-testid="across-breaches" data-chosen={chosen.join(',')}>
      <h2>{t('crossBreach')} {enough ? <ExplorerLink document={AcrossBreachesDocument} variables={variables} /> : null}</h2>
      <BreachPicker breaches={breaches} chosen={chosen} onToggle={onToggle} />
      {!enough ? (
        <p className="note" role="status" data-testid="cross-needs-two">{t('pickTwo')}</p>
      ) : (
        <>
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
            <CrossBreachCounts breachIds={chosen} token={token} />
          </div>
        </>
      )}
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
  // The breaches the figures across breaches are of; null until the reader unticks one: all of them.
  const [picked, setPicked] = useState<string[] | null>(null);
  if (loading) return <p>{t('loading')}</p>;
  if (error || !data) return <p className="error" role="alert">{t('error')} : {error}</p>;
  const current = data.breaches.find((b) => b.id === selected) ?? data.breaches[0];
  const all = data.breaches.map((b) => b.id);
  // In the catalogue's order, whatever the order they were ticked in.
  const chosen = all.filter((id) => picked === null || picked.includes(id));
  const toggle = (id: string) => setPicked(chosen.includes(id) ? chosen.filter((x) => x !== id) : all.filter((x) => x === id || chosen.includes(x)));
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
      <AcrossBreaches breaches={data.breaches} chosen={chosen} onToggle={toggle} token={token} />
      {current ? (
        <div data-slot="duties">
          <NotificationDuties key={current.id} breach={current} token={token} role={role} />
        </div>
      ) : null}
    </div>
  );
}
