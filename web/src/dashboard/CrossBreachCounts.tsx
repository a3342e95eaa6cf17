import type { DashboardCrossBreachQuery } from '../gql/graphql';
import { CrossBreachBars } from './CrossBreachBars';
import { SourcesFigure } from './Coverage';
import { DateFigure, Figure, WordFigure } from './Figure';
import { ExplorerLink } from './ExplorerLink';
import { StaleNote } from './StaleNote';
import { useT, type WordKey } from './i18n';
import { CrossBreachDocument } from './operations';
import { useQuery } from './use-query';

type Cross = DashboardCrossBreachQuery['crossBreachImpact'];

/** A cross-breach count: people and contracts, possibly withheld. */
interface Count {
  people?: number | null;
  contracts?: number | null;
  suppressed: boolean;
}

/** The key of a Venn cell: its breach ids, sorted, joined by `+` (the same cell whatever the order). */
export function cellKey(breachIds: string[]): string {
  return [...breachIds].sort().join('+');
}

/**
 * People and contracts of one count. Not computed yet: the API gives null and suppressed, which
 * the page shows as unknown (never « masqué », never 0); else suppressed as suppressed.
 */
function CountCells({ k, count, computed }: { k: string; count: Count; computed: boolean }) {
  const suppressed = computed && count.suppressed;
  return (
    <>
      <td><Figure k={`${k}.people`} value={computed ? count.people : null} suppressed={suppressed} /></td>
      <td><Figure k={`${k}.contracts`} value={computed ? count.contracts : null} suppressed={suppressed} /></td>
    </>
  );
}

/** The headline counts: distinct beside the naive sum, those in several, the combined exposure. */
function Headline({ cross }: { cross: Cross }) {
  const { t } = useT();
  const rows: Array<[WordKey, string, Count]> = [
    ['crossDistinct', 'cross.distinct', cross.distinct],
    ['crossInSeveral', 'cross.inSeveral', cross.inSeveral],
    ['crossCombined', 'cross.combinedExposure', cross.combinedExposure],
    ['crossByAddition', 'cross.byAddition', cross.byAddition],
  ];
  return (
    <table className="cross-headline" data-testid="cross-headline">
      <thead><tr><th scope="col">{t('figure')}</th><th scope="col">{t('people')}</th><th scope="col">{t('contracts')}</th></tr></thead>
      <tbody>
        {rows.map(([word, k, count]) => (
          <tr key={k} className={k === 'cross.byAddition' ? 'naive' : undefined}>
            <th scope="row">{t(word)}</th>
            <CountCells k={k} count={count} computed={cross.computed} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What the cross-breach counts stand on, as each breach's totals say it (TotalsCoverage): a
 * lower bound when an insurer reached has no portfolio loaded, the portfolios' origins, and
 * those insurers by name; their people are unknown, so nobody reads them as 0.
 */
function CrossCoverage({ cross }: { cross: DashboardCrossBreachQuery['crossBreachImpact'] }) {
  const { lang, t } = useT();
  const without = cross.insurersWithoutPortfolio;
  return (
    <div className="coverage" data-testid="cross-coverage">
      {cross.lowerBound ? (
        <p className="lower-bound" role="note">
          <WordFigure k="cross.lowerBound" value="true" text={t('lowerBound')} />{lang === 'fr' ? ' : ' : ': '}{t('lowerBoundNote')}
        </p>
      ) : null}
      <p>
        {t('countSources')} : <SourcesFigure k="cross.sources" sources={cross.sources} />. {t('insurersWithoutPortfolio')} :{' '}
        <Figure k="cross.insurersWithoutPortfolio" value={without.length} />
        {without.length > 0 ? ` (${without.map((o) => o.name).join(', ')})` : ''}
      </p>
    </div>
  );
}

/**
 * The cross-breach counts of the chosen breaches (crossBreachImpact): each person and contract
 * counted once however many breaches reach them, beside the naive sum that counts them again;
 * each breach's own counts on its reference date; and the exact combinations (Venn cells: « only
 * Viamedis », « only Almerys », « Viamedis and Almerys »), in which each person is in one cell.
 * Suppressed cells read « masqué », null reads « inconnue », never 0.
 */
export function CrossBreachCounts({ breachIds, token }: { breachIds: string[]; token: string | null }) {
  const { t } = useT();
  const variables = { breachIds };
  const { data, error, loading } = useQuery(CrossBreachDocument, variables, token, breachIds.length < 2);
  if (loading) return <p>{t('loading')}</p>;
  if (error || !data) return <p className="error" role="alert">{t('error')} : {error}</p>;
  const cross = data.crossBreachImpact;
  const names = new Map(cross.referenceDates.map((r) => [r.breach.id, r.breach.name]));
  const own = new Map(cross.byBreach.map((b) => [b.breach.id, b]));
  const label = (ids: string[]) =>
    ids.length === 1 ? `${names.get(ids[0]!) ?? ids[0]} ${t('crossOnly')}` : ids.map((id) => names.get(id) ?? id).join(` ${t('crossAnd')} `);
  return (
    <div className="cross-counts" data-testid="cross-counts" data-computed={String(cross.computed)}>
      <h3>
        {t('crossCounts')} <ExplorerLink document={CrossBreachDocument} variables={variables} />
      </h3>
      {!cross.computed ? <p className="note" role="status">{t('crossNotComputed')}</p> : null}
      {cross.computed ? <StaleNote testId="stale-cross" freshness={cross.freshness} /> : null}
      {cross.computed ? <CrossCoverage cross={cross} /> : null}
      <Headline cross={cross} />
      <div className="side-by-side even">
        <section>
          <h4>{t('crossByBreach')}</h4>
          <table className="cross-by-breach">
            <thead><tr><th scope="col">{t('breach')}</th><th scope="col">{t('referenceDate')}</th><th scope="col">{t('people')}</th><th scope="col">{t('contracts')}</th></tr></thead>
            <tbody>
              {/* Every breach asked about, in the API's order; one without a count of its own reads unknown. */}
              {cross.referenceDates.map((r) => (
                <tr key={r.breach.id} data-breach-row={r.breach.id}>
                  <th scope="row">{r.breach.name}</th>
                  <td><DateFigure k={`cross.referenceDate.${r.breach.id}`} date={r.referenceDate} /></td>
                  <CountCells k={`cross.byBreach.${r.breach.id}`} count={own.get(r.breach.id) ?? { suppressed: false }} computed={cross.computed} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h4>{t('crossCells')}</h4>
          <table className="cross-cells">
            <thead><tr><th scope="col">{t('breach')}</th><th scope="col">{t('people')}</th><th scope="col">{t('contracts')}</th></tr></thead>
            <tbody>
              {cross.byBreachCombination.map((c) => {
                const ids = c.breaches.map((b) => b.id);
                return (
                  <tr key={cellKey(ids)} data-cell={cellKey(ids)}>
                    <th scope="row">{label(ids)}</th>
                    <CountCells k={`cross.cell.${cellKey(ids)}`} count={c} computed={cross.computed} />
                  </tr>
                );
              })}
            </tbody>
          </table>
          <CrossBreachBars
            label={t('crossBars')}
            bars={cross.byBreachCombination.map((c) => ({
              label: label(c.breaches.map((b) => b.id)),
              people: cross.computed && !c.suppressed ? (c.people ?? null) : null,
            }))}
          />
        </section>
      </div>
      <p className="note">{t('suppressedNote')}</p>
    </div>
  );
}
