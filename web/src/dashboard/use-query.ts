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
 * variables travel in the POST body.
 */
export function useQuery<T, V>(document: TypedDocumentString<T, V>, variables: V, token: string | null, skip = false): QueryState<T> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<T>>({ data: undefined, error: undefined, loading: !skip });
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState({ data: undefined, error: undefined, loading: true });
    request(document, JSON.parse(key) as V, token).then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (e: Error) => live && setState({ data: undefined, error: e.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [document, key, token, skip]);
  return state;
}
