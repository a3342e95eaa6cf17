/**
 * The one catalogue of error codes breach-impact returns. Every error that leaves the API (in
 * GraphQL `extensions.code`, in the health endpoint, or in a CLI's exit message) carries one of
 * these codes; the README's "Error codes" table documents each, and `codes.test.ts` fails when a
 * code is used in `src/` but missing here or undocumented there.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'No token where one is required, or a token that fails verification (signature, algorithm, exp, nbf, iss, aud, claims); HTTP 401.',
  FORBIDDEN: 'The token’s role or organisation does not allow this field, this tenant’s data, or (for an aggregate role) this `asOf` date; refusals of person- or contract-level reads are audited.',
  QUERY_TOO_COMPLEX: 'The operation exceeds a depth, cost, alias, token or directive limit; simplify it or split it.',
  BAD_USER_INPUT: 'An argument or variable is malformed or out of range; the message names the bad value.',
  NOT_FOUND: 'An id names nothing in the graph; the message names the id.',
  SERVICE_UNAVAILABLE: 'Neo4j cannot be reached or timed out; retry later. The API recovers by itself.',
  INTERNAL: 'An unexpected fault; details are logged server-side, never returned.',
  CONFIG_INVALID: 'A configuration variable has a bad value; the message names it and the value (startup only).',
  NEO4J_LAUNCHER_UNAVAILABLE: 'The embedded Neo4j cannot be started (Java 17+ or Maven missing, or the launcher failed); install them or set NEO4J_URI (startup only).',
  SEED_INVALID: 'A seed file breaks the seed format; the message names the file, the record and the field (seeding only).',
} as const;

/** A stable error code from {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;
