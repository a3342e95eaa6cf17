import { GraphQLError } from 'graphql';
import { ErrorCode, isErrorCode, statusOf } from './codes';

/**
 * The error type every layer of breach-impact throws on purpose. It is a GraphQLError so that
 * Apollo Server passes its message and `extensions.code` to the client untouched; anything that
 * is not an AppError is masked as INTERNAL by the error formatter.
 */
export class AppError extends GraphQLError {
  /** The stable code, also exposed as `extensions.code`. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.code = code;
    this.name = 'AppError';
  }
}

/** A BAD_USER_INPUT error naming the argument and the value it refused. */
export function badInput(argument: string, value: unknown, why: string): AppError {
  return new AppError('BAD_USER_INPUT', `Invalid value ${JSON.stringify(value)} for "${argument}": ${why}.`, {
    argument,
  });
}

/** A NOT_FOUND error naming what kind of thing was looked up and the id that named nothing. */
export function notFound(kind: string, id: string): AppError {
  return new AppError('NOT_FOUND', `No ${kind} with id ${JSON.stringify(id)}.`, { id });
}

/** True when `e` is an AppError, even one created by another copy of this module. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === 'AppError' && 'code' in e);
}

/**
 * The same error, marked to fail the whole HTTP request with its catalogue status (Apollo reads
 * `extensions.http`; the error formatter strips it from the answer). For errors raised before any
 * resolver runs, such as a bad bearer token (401). A code without an HTTP status is left as is.
 */
export function failingRequest(error: AppError): AppError {
  const status = isErrorCode(error.code) ? statusOf(error.code) : null;
  if (status === null) return error;
  return new AppError(error.code, error.message, { ...error.extensions, http: { status } });
}
