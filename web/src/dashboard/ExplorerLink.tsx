import { explorerLink } from '../common/graphql-client';
import { useT } from './i18n';

/** A link from a block of figures to the operation that produced them, in the offline explorer. */
export function ExplorerLink({ document, variables }: { document: { toString(): string }; variables: Record<string, unknown> }) {
  const { t } = useT();
  return (
    <a className="explorer-link" href={explorerLink(document, variables)} target="_blank" rel="noopener">
      {t('openInExplorer')} ↗
    </a>
  );
}
