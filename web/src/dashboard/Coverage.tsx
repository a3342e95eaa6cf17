import type { DashboardBreachImpactQuery } from '../gql/graphql';
import { Figure, WordFigure } from './Figure';
import { useT } from './i18n';

type Totals = DashboardBreachImpactQuery['breachImpact']['totals'];

/**
 * Where counts come from (CountSource values: SYNTHETIC, SEEDED, IMPORTED…), in words, with the
 * API's values joined by commas in `data-value`; no source at all reads « aucun portefeuille chargé ».
 */
export function SourcesFigure({ k, sources }: { k: string; sources: readonly string[] }) {
  const { t, v } = useT();
  return <WordFigure k={k} value={sources.join(',')} text={sources.length > 0 ? sources.map((s) => v(s)).join(', ') : t('noPortfolio')} className="sources" />;
}

/**
 * What the computed totals stand on, in the API's own words: whether they are a lower bound
 * (`lowerBound`), where the portfolios counted come from (`sources`: synthetic is not a real
 * count), and which insurers reached have a portfolio loaded and which have none
 * (`insurersWithPortfolio`, `insurersWithoutPortfolio`: their people are unknown, not 0).
 */
export function TotalsCoverage({ breachId, totals }: { breachId: string; totals: Totals }) {
  const { lang, t } = useT();
  const k = (s: string) => `impact.${breachId}.totals.${s}`;
  const without = totals.insurersWithoutPortfolio;
  return (
    <div className="coverage" data-testid={`coverage-${breachId}`}>
      {totals.lowerBound ? (
        <p className="lower-bound" role="note">
          <WordFigure k={k('lowerBound')} value="true" text={t('lowerBound')} />{lang === 'fr' ? ' : ' : ': '}{t('lowerBoundNote')}
        </p>
      ) : null}
      <table className="totals">
        <tbody>
          <tr><th>{t('countSources')}</th><td><SourcesFigure k={k('sources')} sources={totals.sources} /></td></tr>
          <tr><th>{t('insurersWithPortfolio')}</th><td><Figure k={k('insurersWithPortfolio')} value={totals.insurersWithPortfolio} /></td></tr>
          <tr>
            <th>{t('insurersWithoutPortfolio')}</th>
            <td>
              <Figure k={k('insurersWithoutPortfolio')} value={without.length} />
              {without.length > 0 ? (
                <ul className="plain" data-testid={`without-portfolio-${breachId}`}>
                  {without.map((o) => <li key={o.id} data-insurer={o.id}>{o.name}</li>)}
                </ul>
              ) : null}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
