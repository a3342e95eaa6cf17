import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { isAppError } from '../errors/app-error';
import { LIMIT_MESSAGE } from './query-limits';

/**
 * Apollo codes for requests graphql-js refused before any resolver ran. Their messages come from
 * graphql-js and describe only the operation, so they are safe to return, under BAD_USER_INPUT.
 */
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** graphql-js messages that mean a resolver returned something wrong: a server fault. */
const OUR_FAULT = /^(Cannot return null for non-nullable field|Expected Iterable|Abstract type|Runtime Object type|Expected value of type)/;

/**
 * Builds Apollo's `formatError`: our own errors pass with their code; request errors become
 * BAD_USER_INPUT; anything else is masked as INTERNAL (no stack, no Cypher, no driver message)
 * and logged in full on the server.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      // `http` tells Apollo which status to send; it is not for the client.
      const { http: _http, ...extensions } = original.extensions;
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    if (LIMIT_MESSAGE.test(formatted.message)) {
      return { message: formatted.message.replace(/^Syntax Error: /, ''), extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERRORS.has(code)) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', reason: code } };
    }
    // graphql-js and Apollo raise some request errors without a code or a cause: null for an
    // argument that has a default, an operation type the schema lacks, a persisted-query hash
    // that does not match. Their messages describe the request only. Errors about what a
    // resolver returned are ours, and stay INTERNAL.
    if (original instanceof GraphQLError && !original.originalError && !OUR_FAULT.test(original.message)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'An internal error occurred.', path: formatted.path, extensions: { code: 'INTERNAL' } };
  };
}
