import { formatDate, formatNumber } from './format';
import { useT } from './i18n';

/**
 * One figure on the page. Every figure carries `data-figure` (a stable key) and `data-value`
 * (the API's raw value, `suppressed` or `unknown`), so the browser tests can compare every
 * figure shown with the API's answer. A suppressed cell says so (never 0); an unknown reads
 * « inconnue ».
 */
export function Figure({ k, value, suppressed = false }: { k: string; value: number | null | undefined; suppressed?: boolean }) {
  const { lang, t } = useT();
  if (suppressed) {
    return (
      <span className="figure suppressed" data-figure={k} data-value="suppressed" title={t('suppressedNote')}>
        {t('suppressed')}
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
