import type { TypedDocumentString } from '../gql/graphql';

/** A GraphQL error as the API sends it (message and stable code). */
export interface ApiError {
  message: string;
  code: string | undefined;
}

/** Thrown when an answer carries errors (or none of its data): the API's messages and codes. */
export class ApiRequestError extends Error {
  constructor(readonly errors: ApiError[]) {
    super(errors.map((e) => (e.code ? `${e.message} [${e.code}]` : e.message)).join('\n'));
  }
}

/**
 * Sends one typed operation to this server's /graphql as a JSON POST: variables (a NIR
 * included) travel in the body, never in the URL. `token` is the bearer, if signed in.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token: string | null,
): Promise<TResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: TResult } & ApiErrorBody;
  if (body.errors?.length || !body.data) throw apiErrorOf(response.status, body);
  return body.data;
}

/** The API's error answer (GraphQL's, and that of its other routes before their first byte). */
export interface ApiErrorBody {
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** The error an answer of HTTP `status` carries: the API's messages and codes, or the status alone. */
export function apiErrorOf(status: number, body: ApiErrorBody): ApiRequestError {
  return new ApiRequestError((body.errors?.length ? body.errors : [{ message: `HTTP ${status}` }]).map((e) => ({ message: e.message, code: e.extensions?.code })));
}

/** The operation's name (`query Name …`), for links to the explorer. */
export function operationName(document: { toString(): string }): string {
  return /(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1] ?? 'operation';
}

/** A link that opens `document` with `variables` in the offline explorer (in the fragment: no server sees it). */
export function explorerLink(document: { toString(): string }, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({ query: document.toString(), variables: JSON.stringify(variables, null, 2) });
  return `/graphiql#${params.toString()}`;
}
