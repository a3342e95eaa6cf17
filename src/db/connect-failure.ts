import { Neo4jError } from 'neo4j-driver';

/**
 * Why a first connection to Neo4j failed, for a person at a terminal:
 * - `credentials`: the server answered and refused NEO4J_USER / NEO4J_PASSWORD (retrying cannot help);
 * - `database`: the server answered but has no database named NEO4J_DATABASE (retrying cannot help);
 * - `unreachable`: no answer yet (refused, unknown host, timeout): the server may still be starting.
 */
export type ConnectFailureKind = 'credentials' | 'database' | 'unreachable';

/** A classified connection failure and the driver's own reason, without query text or values. */
export interface ConnectFailure {
  kind: ConnectFailureKind;
  reason: string;
}

const CREDENTIALS = /^Neo\.ClientError\.Security\.(Unauthorized|AuthenticationRateLimit|CredentialsExpired)$/;
const DATABASE = /^Neo\.ClientError\.Database\.DatabaseNotFound$/;

/**
 * Classifies an error from the start-up probe. Only the two answers a server gives on purpose
 * stop the wait at once; everything else is treated as "not reachable yet", because a server
 * that is still starting (a cluster member, a container) looks exactly like that.
 */
export function classifyConnectFailure(e: unknown): ConnectFailure {
  const code = e instanceof Neo4jError ? e.code : ((e as { code?: unknown })?.code ?? '');
  const message = e instanceof Error ? e.message : String(e);
  const reason = (message.split('\n')[0] ?? '').slice(0, 300);
  if (typeof code === 'string' && CREDENTIALS.test(code)) return { kind: 'credentials', reason };
  if (typeof code === 'string' && DATABASE.test(code)) return { kind: 'database', reason };
  return { kind: 'unreachable', reason };
}
