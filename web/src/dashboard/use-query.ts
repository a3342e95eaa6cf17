import { useEffect, useState } from 'react';
import { request } from '../common/graphql-client';
import type { TypedDocumentString } from '../gql/graphql';

/** The state of one operation: loading, its data, or its error message. */
export interface QueryState<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
}

/**
 * Runs `document` with `variables` (re-run when their JSON changes); `skip` leaves it idle. The
 * variables travel in the POST body. An answer is only ever given for the variables it was asked
 * with: between a change of variables and the new request, the state reads loading, never the
 * previous variables' data.
 */
export function useQuery<T, V>(document: TypedDocumentString<T, V>, variables: V, token: string | null, skip = false): QueryState<T> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<T> & { key: string }>({ data: undefined, error: undefined, loading: !skip, key });
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState({ data: undefined, error: undefined, loading: true, key });
    request(document, JSON.parse(key) as V, token).then(
      (data) => live && setState({ data, error: undefined, loading: false, key }),
      (e: Error) => live && setState({ data: undefined, error: e.message, loading: false, key }),
    );
    return () => {
      live = false;
    };
  }, [document, key, token, skip]);
  if (!skip && state.key !== key) return { data: undefined, error: undefined, loading: true };
  return { data: state.data, error: state.error, loading: state.loading };
}
