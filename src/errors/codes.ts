/**
 * One entry of the error catalogue: the HTTP status a response carries when this error fails the
 * whole request (null: the code never travels over HTTP, it ends a start-up or a CLI), statuses
 * for named special cases, and what the code means (the README's "Error codes" table says the same).
 */
export interface ErrorCodeEntry {
  readonly status: number | null;
  /** Other statuses of the same code, by the case that sends them (e.g. a body over the limit). */
  readonly statusWhen?: Readonly<Record<string, number>>;
  readonly message: string;
}

/**
 * The one catalogue of error codes breach-impact returns. Every error that leaves the API (in
 * GraphQL `extensions.code`, in the health endpoint, or in a CLI's exit message) carries one of
 * these codes; the README's "Error codes" table documents each, with its HTTP status, and
 * `codes.test.ts` fails when a code is used in `src/` but missing here, or undocumented there.
 *
 * `status` is the status of a response that the error fails as a whole (a bad token, a body that
 * is not JSON, an unknown route, `/health` while Neo4j is down). An error raised by a resolver
 * inside an executed operation travels in a 200 answer beside the data, as GraphQL over HTTP
 * requires; only request-level failures take the status from here. No HTTP status of an error is
 * written anywhere else: use {@link httpStatus}.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: {
    status: 401,
    message: 'No token where one is required, or a token that fails verification (signature, algorithm, exp, nbf, iss, aud, claims); a bad token fails the whole request.',
  },
  FORBIDDEN: {
    status: 403,
    message: 'The token’s role or organisation does not allow this field, this tenant’s data (including recording or drafting a notification for another insurer), or (for an aggregate role) this `asOf` date; refusals of person- or contract-level reads and of audited writes are audited.',
  },
  QUERY_TOO_COMPLEX: { status: 400, message: 'The operation exceeds a depth, cost, alias, token or directive limit, or the caller’s budget of live counts (extensions.retryAfterSeconds says when to retry); simplify it or split it.' },
  BAD_USER_INPUT: {
    status: 400,
    statusWhen: { bodyTooLarge: 413 },
    message: 'An argument, variable or request body is malformed or out of range; the message names the bad value.',
  },
  NOT_FOUND: { status: 404, message: 'An id names nothing in the graph, or a URL names no route; the message names the id or the path.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'Neo4j cannot be reached, a statement timed out, or the request reached its deadline (one for all its statements); retry later. The API recovers by itself.' },
  NEO4J_STORE_FAILED: {
    status: 503,
    message: 'Neo4j could not write to its store (most often its disk is full) and refused the write, or stopped serving after such a failure; nothing of the write was committed. An operator must free space, then restart Neo4j; retrying does not help before that.',
  },
  INTERNAL: { status: 500, message: 'An unexpected fault; details are logged server-side, never returned.' },
  CONFIG_INVALID: { status: null, message: 'A configuration variable has a bad value; the message names it and the value (startup only).' },
  NEO4J_LAUNCHER_UNAVAILABLE: {
    status: null,
    message: 'The embedded Neo4j cannot be started (Java 17+ or Maven missing, or the launcher failed); install them or set NEO4J_URI (startup only).',
  },
  NEO4J_AUTH_FAILED: {
    status: null,
    message: 'Neo4j answered but refused NEO4J_USER / NEO4J_PASSWORD; fix them (startup and CLIs only, named at once, not after a wait).',
  },
  NEO4J_DATABASE_NOT_FOUND: {
    status: null,
    message: 'Neo4j answered but has no database named NEO4J_DATABASE; create it or fix the name (startup and CLIs only, named at once).',
  },
  PORT_IN_USE: {
    status: null,
    message: 'A port the start needs is already taken by another process: the HTTP port (PORT on HOST), or the embedded Neo4j’s Bolt port (NEO4J_BOLT_PORT on 127.0.0.1, when NEO4J_URI is unset); the message names which. Stop the other process or choose another port (startup and CLIs only, checked before Neo4j starts).',
  },
  BULK_LOAD_NEEDS_EMBEDDED: {
    status: null,
    message: 'The bulk first load builds the store files offline, so it needs the embedded store (NEO4J_URI unset); for a remote server or Aura, build the store locally, then upload it (neo4j-admin database upload, or dump and load) (CLI only).',
  },
  BULK_LOAD_NOT_EMPTY: { status: null, message: 'The bulk first load rebuilds the whole database, so it only runs on an empty one; use the transactional import for deltas, or point NEO4J_DATA_DIR at a new store (CLI only).' },
  BULK_IMPORT_FAILED: { status: null, message: 'Neo4j’s batch importer failed; the message quotes its last output, and running the bulk load again rebuilds the store (CLI only).' },
  BACKUP_STORE_IN_USE: {
    status: null,
    message: 'An offline dump or load of the embedded store while a Neo4j (the API, `npm start`, a seed or import) has it open; stop it first, or set NEO4J_URI to take a logical export through the running server (backup and restore only).',
  },
  BACKUP_STORE_NEEDS_RECOVERY: { status: null, message: 'The embedded store was not shut down cleanly, so Neo4j will not dump it; start the server once and stop it with Ctrl-C, then back up again (backup only).' },
  BACKUP_FILE_NOT_FOUND: { status: null, message: 'The backup file to restore does not exist or is not a file (restore only).' },
  BACKUP_FILE_EXISTS: { status: null, message: 'The file a backup would write already exists; choose another name, or add --force to replace it (backup only).' },
  BACKUP_FILE_INVALID: { status: null, message: 'The file is not a backup this project can restore here (corrupt, truncated, another format, or a Neo4j dump given for a remote server); nothing was written (backup and restore only).' },
  BACKUP_FORMAT_UNSUPPORTED: { status: null, message: 'A logical export of another format version than this code reads; restore it with the version that wrote it (restore only).' },
  BACKUP_TARGET_NOT_EMPTY: { status: null, message: 'Restore refuses to replace a database that already holds data; add --force to replace it (the embedded store is swapped only once the new one is fully loaded) (restore only).' },
  BACKUP_RESTORE_FAILED: {
    status: null,
    message: 'Loading the backup failed part-way: the embedded store is back as it was before; a remote database may hold part of it (restore again with --force once the cause is fixed) (restore only).',
  },
  BACKUP_CHANGED_DURING_EXPORT: { status: null, message: 'The graph changed while a logical export read it (node or relationship counts moved); stop writers and export again (backup only).' },
  BACKUP_UNSUPPORTED_VALUE: { status: null, message: 'A property holds a value type the logical export does not carry (such as a point or a byte array); the message names it (backup only).' },
  BACKUP_FAILED: { status: null, message: 'Neo4j’s dump or load tool failed for another reason; the message quotes its last output (backup and restore only).' },
  SEED_INVALID: { status: null, message: 'A seed file breaks the seed format; the message names the file, the record and the field (seeding only).' },
} as const satisfies Record<string, ErrorCodeEntry>;

/** A stable error code from {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes that can travel over HTTP (their catalogue status is a number). */
export type HttpErrorCode = { [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends number ? C : never }[ErrorCode];

/** The special cases a code names in `statusWhen`, per code. */
export type StatusCase<C extends ErrorCode> = (typeof ERROR_CODES)[C] extends { statusWhen: infer W } ? keyof W & string : never;

/**
 * The HTTP status of a response failed as a whole by `code` (or by `code` in the named special
 * case, e.g. `httpStatus('BAD_USER_INPUT', 'bodyTooLarge')`), read from the catalogue.
 */
export function httpStatus<C extends HttpErrorCode>(code: C, when?: StatusCase<C>): number {
  const entry: ErrorCodeEntry = ERROR_CODES[code];
  if (when === undefined) return entry.status as number;
  const status = entry.statusWhen?.[when];
  // The type already restricts `when`; this guards callers that cast.
  if (status === undefined) throw new Error(`The error catalogue has no "${when}" status for ${code}.`);
  return status;
}

/** The catalogue status of any code: null for codes that never travel over HTTP. */
export function statusOf(code: ErrorCode): number | null {
  const entry: ErrorCodeEntry = ERROR_CODES[code];
  return entry.status;
}

/** True when `code` names an entry of the catalogue. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}
