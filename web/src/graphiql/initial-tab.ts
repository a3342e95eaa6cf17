/** What the explorer opens with. */
export interface InitialTab {
  query: string;
  variables: string | undefined;
}

/**
 * The operation a dashboard link asks for, in the fragment `#query=…&variables=…` (never a query
 * string: a fragment is not sent to the server, so it is in no access log), else `fallback`.
 */
export function initialTab(hash: string, fallback: string): InitialTab {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const query = params.get('query');
  return { query: query ?? fallback, variables: params.get('variables') ?? undefined };
}
