import { formatDateTime } from './format';
import { useT } from './i18n';

/**
 * Says that counts are being recomputed, and since when, when the API's `freshness` says they
 * are not current (read from summaries that lag behind a committed write); nothing otherwise.
 */
export function StaleNote({ testId, freshness }: { testId: string; freshness: { current: boolean; staleSince?: string | null } }) {
  const { lang, t } = useT();
  if (freshness.current) return null;
  return (
    <p className="stale" role="status" data-testid={testId}>
      {t('staleCounts')} {freshness.staleSince ? <time dateTime={freshness.staleSince}>{formatDateTime(lang, freshness.staleSince)}</time> : t('unknown')}.
    </p>
  );
}
