import { explorerLink } from '../common/graphql-client';
import { useT } from './i18n';

/**
 * A link from a block of figures to the operation that produced them, in the offline explorer,
 * opened in a new tab that is signed in as this one.
 *
 * Why `rel="opener"`: the token lives in this tab's sessionStorage only, and a browser copies a
 * tab's sessionStorage into a tab it opens only when the new tab keeps its opener. Chromium gives
 * every `target="_blank"` link `noopener` unless told otherwise, and the explorer then opened
 * without a token (every operation answered UNAUTHENTICATED). The explorer is this same origin,
 * so keeping the opener gives it nothing it could not already read.
 */
export function ExplorerLink({ document, variables }: { document: { toString(): string }; variables: Record<string, unknown> }) {
  const { t } = useT();
  return (
    <a className="explorer-link" href={explorerLink(document, variables)} target="_blank" rel="opener">
      {t('openInExplorer')} ↗
    </a>
  );
}
