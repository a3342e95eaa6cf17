import { AppError, failingRequest } from './app-error';
import { ERROR_CODES } from './codes';

/** A request-level failure takes its HTTP status from the catalogue, never from the thrower. */
test('failingRequest marks the error with its catalogue status, keeping message and details', () => {
  const marked = failingRequest(new AppError('UNAUTHENTICATED', 'Invalid bearer token: expired.', { reason: 'exp' }));
  expect(marked.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'exp', http: { status: ERROR_CODES.UNAUTHENTICATED.status } });
  expect(marked.extensions.http).toEqual({ status: 401 });
  expect(marked.message).toBe('Invalid bearer token: expired.');
});

test('a status set by the thrower is replaced by the catalogue’s', () => {
  expect(failingRequest(new AppError('FORBIDDEN', 'no', { http: { status: 418 } })).extensions.http).toEqual({ status: 403 });
});

test('a code that never travels over HTTP is left unmarked', () => {
  const error = new AppError('CONFIG_INVALID', 'bad');
  expect(failingRequest(error)).toBe(error);
});
