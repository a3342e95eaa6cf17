import type { DashboardReportedPopulationsFragment } from '../gql/graphql';
import { Figure } from './Figure';
import { useT } from './i18n';

type Reported = DashboardReportedPopulationsFragment;

/**
 * The largest reported figure of some populations (`largest`), with the qualifier and the measure
 * of the figure it is: a population's size is an upper bound of the people affected, not their
 * number, and says so. No figure reads « inconnue ».
 */
export function ReportedLargest({ k, reported }: { k: string; reported: Reported }) {
  const { v } = useT();
  const figure = reported.largest === null ? undefined : reported.figures.find((f) => f.value === reported.largest);
  return (
    <>
      {figure?.qualifier && figure.qualifier !== 'EXACT' ? `${v(figure.qualifier)} ` : ''}
      <Figure k={k} value={reported.largest} />
      {figure ? <span className="note"> ({v(figure.measure)})</span> : null}
    </>
  );
}

/** One kind of people's reported figures, one per population, with the population they are of. */
function FiguresUsed({ k, reported }: { k: string; reported: Reported }) {
  const { t, v } = useT();
  if (reported.figures.length === 0) return <span className="unknown">{t('unknown')}</span>;
  return (
    <ul className="plain">
      {reported.figures.map((f) => (
        <li key={f.population.id}>
          {f.qualifier && f.qualifier !== 'EXACT' ? `${v(f.qualifier)} ` : ''}
          <Figure k={`${k}.figure.${f.population.id}`} value={f.value} /> — {f.population.name} <span className="note">({v(f.measure)})</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Insured people beside health professionals, never added together: the insured counted on the
 * loaded portfolios (`totals.people`), and for each kind the reported figures of the populations
 * reached (`reportedInsured`, `reportedProfessionals`): how many populations, how many of unknown
 * size, the largest figure and each figure used. The graph holds no professionals' portfolio, so
 * professionals are not counted, and say so.
 */
export function PeopleKinds({ breachId, totals }: { breachId: string; totals: { people?: number | null; suppressed: boolean; reportedInsured: Reported; reportedProfessionals: Reported } }) {
  const { t } = useT();
  const k = (s: string) => `impact.${breachId}.kinds.${s}`;
  const kinds: Array<[string, Reported]> = [
    ['insured', totals.reportedInsured],
    ['professionals', totals.reportedProfessionals],
  ];
  return (
    <section>
      <h4>{t('peopleKinds')}</h4>
      <table className="people-kinds" data-testid={`people-kinds-${breachId}`}>
        <thead><tr><th scope="col" /><th scope="col">{t('insuredPeople')}</th><th scope="col">{t('professionals')}</th></tr></thead>
        <tbody>
          <tr>
            <th scope="row">{t('computedPeople')}</th>
            <td><Figure k={k('insured.computed')} value={totals.people} suppressed={totals.suppressed} /></td>
            <td className="unknown">{t('professionalsNotCounted')}</td>
          </tr>
          <tr>
            <th scope="row">{t('largestReported')}</th>
            {kinds.map(([kind, r]) => <td key={kind}><ReportedLargest k={k(`${kind}.largest`)} reported={r} /></td>)}
          </tr>
          <tr>
            <th scope="row">{t('populationsReached')}</th>
            {kinds.map(([kind, r]) => <td key={kind}><Figure k={k(`${kind}.populations`)} value={r.populations} /></td>)}
          </tr>
          <tr>
            <th scope="row">{t('populationsUnknownSize')}</th>
            {kinds.map(([kind, r]) => <td key={kind}><Figure k={k(`${kind}.populationsOfUnknownSize`)} value={r.populationsOfUnknownSize} /></td>)}
          </tr>
          <tr>
            <th scope="row">{t('reportedFiguresUsed')}</th>
            {kinds.map(([kind, r]) => <td key={kind}><FiguresUsed k={k(kind)} reported={r} /></td>)}
          </tr>
        </tbody>
      </table>
      <p className="note">{t('peopleKindsNote')}</p>
    </section>
  );
}
