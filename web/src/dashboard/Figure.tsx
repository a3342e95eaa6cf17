import { formatDate, formatNumber } from './format';
import { confidencePhrase, useT } from './i18n';

/**
 * Why the API gives no number where one is absent, when it says why: the insurer has no portfolio
 * loaded (CoverageStatus NO_PORTFOLIO_LOADED), or the count does not apply (a category not on any
 * path of that kind of people). Shown as such, never as « inconnue » nor 0.
 */
export type Absence = 'noPortfolio' | 'notApplicable';

/** The `data-value` of each absence, as the browser tests read it. */
const ABSENCE_VALUE: Record<Absence, string> = { noPortfolio: 'no-portfolio', notApplicable: 'n/a' };

/**
 * One figure on the page. Every figure carries `data-figure` (a stable key) and `data-value`
 * (the API's raw value, `suppressed`, `unknown`, `no-portfolio` or `n/a`), so the browser tests
 * can compare every figure shown with the API's answer. A suppressed cell says so (never 0); a
 * null with a reason (`absent`) says the reason; any other null reads « inconnue ».
 */
export function Figure({ k, value, suppressed = false, absent }: { k: string; value: number | null | undefined; suppressed?: boolean; absent?: Absence }) {
  const { lang, t } = useT();
  if (suppressed) {
    return (
      <span className="figure suppressed" data-figure={k} data-value="suppressed" title={t('suppressedNote')}>
        {t('suppressed')}
      </span>
    );
  }
  if ((value === null || value === undefined) && absent) {
    return (
      <span className={`figure absent ${absent}`} data-figure={k} data-value={ABSENCE_VALUE[absent]}>
        {t(absent)}
      </span>
    );
  }
  if (value === null || value === undefined) {
    return (
      <span className="figure unknown" data-figure={k} data-value="unknown">
        {t('unknown')}
      </span>
    );
  }
  return (
    <span className="figure" data-figure={k} data-value={String(value)}>
      {formatNumber(lang, value)}
    </span>
  );
}

/** A calendar date, or « inconnue » when the record does not know it; `data-figure` as for counts. */
export function DateFigure({ k, date }: { k: string; date: string | null | undefined }) {
  const { lang, t } = useT();
  if (!date) {
    return (
      <span className="figure unknown" data-figure={k} data-value="unknown">
        {t('unknown')}
      </span>
    );
  }
  return (
    <time className="figure" data-figure={k} data-value={date} dateTime={date}>
      {formatDate(lang, date)}
    </time>
  );
}

/**
 * A value of an enumeration shown in words (a duty's status), with `data-figure` and the API's
 * raw value in `data-value`, so the browser tests compare it with the API as they do counts.
 */
export function WordFigure({ k, value, text, className }: { k: string; value: string; text: string; className?: string }) {
  return (
    <span className={`figure word${className ? ` ${className}` : ''}`} data-figure={k} data-value={value}>
      {text}
    </span>
  );
}

/** A source address as a link (they are stored without a scheme), or its label for a non-web source. */
export function Source({ url }: { url: string | null | undefined }) {
  const { t } = useT();
  if (!url) return <span className="unknown">{t('unknown')}</span>;
  if (/^(seed-article|facts-sheet):/.test(url)) return <span className="source">{url}</span>;
  // Opening a source is the reader's choice: a plain link, never fetched by the page itself.
  return (
    <a className="source" href={`https://${url}`} rel="noreferrer noopener" target="_blank">
      {url}
    </a>
  );
}

/**
 * A confidence level (H, M, L) beside a fact, in words (« [confiance élevée] »), never a bare
 * letter; `data-confidence` carries the API's value (`unknown` when it gives none).
 */
export function Confidence({ level }: { level: string | null | undefined }) {
  const { lang } = useT();
  return (
    <span className="confidence" data-confidence={level ?? 'unknown'}>
      [{confidencePhrase(lang, level)}]
    </span>
  );
}
