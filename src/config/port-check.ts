import net from 'node:net';
import { AppError } from '../errors/app-error';

/** What a checked port is for, as the start-up messages name it. */
export interface PortUse {
  /** The variable that sets the port (PORT, NEO4J_BOLT_PORT). */
  portVariable: string;
  /** The variable that sets the host, when it is configurable (HOST); unset for a fixed host. */
  hostVariable?: string;
  /** What listens there, when the variable alone does not say (", the embedded Neo4j's Bolt port"). */
  what?: string;
  /** Another way out, after "set <portVariable> to a free port" (", or set NEO4J_URI …"). */
  otherwise?: string;
}

/** The API's HTTP port: PORT on HOST. */
export const HTTP_PORT: PortUse = { portVariable: 'PORT', hostVariable: 'HOST' };

/**
 * Checks that a port the start needs can be bound on `host`, by binding it for a moment and
 * releasing it. Called before Neo4j starts, for the HTTP port (main.ts) and for the embedded
 * Neo4j's Bolt port (db/embedded.ts), so that a taken port fails the start in a second with one
 * plain line, instead of after a minute of Neo4j start-up and a Node or Java stack trace.
 *
 * Throws AppError PORT_IN_USE when another process holds the port (EADDRINUSE), naming the port,
 * the host and, unless it is PORT, the variable; CONFIG_INVALID naming the port variable when
 * this process may not bind it (EACCES), or naming the host variable when the host is not an
 * address of this machine (EADDRNOTAVAIL) or a name that does not resolve (ENOTFOUND, EAI_AGAIN).
 * Port 0 (any free port) cannot be taken: only the host is checked then. The port is free again
 * when the promise resolves; another process could still take it in the gap before the real
 * listener binds it, and that rarer case keeps the listener's own error.
 */
export async function assertPortFree(host: string, port: number, use: PortUse = HTTP_PORT): Promise<void> {
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      // exclusive: a port held by a cluster worker of this machine counts as taken too.
      probe.listen({ host, port, exclusive: true }, () => resolve());
    });
  } catch (e) {
    throw portRefusal(e as NodeJS.ErrnoException, host, port, use);
  } finally {
    if (probe.listening) await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
}

/** The start-up error for a failed bind: a catalogue error with a plain message, or `error` itself when it is none of the known causes. */
function portRefusal(error: NodeJS.ErrnoException, host: string, port: number, use: PortUse): Error {
  const v = use.portVariable;
  const named = v === HTTP_PORT.portVariable ? '' : ` (${v}${use.what ?? ''})`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new AppError('PORT_IN_USE', `port ${port} on ${host}${named} is already in use by another process; stop it, or set ${v} to a free port (${v}=0 picks one)${use.otherwise ?? ''}.`, { port, host, variable: v });
    case 'EACCES':
      return new AppError('CONFIG_INVALID', `Configuration ${v}="${port}" is invalid: expected a port this process may bind on ${host} (EACCES).`, { variable: v });
  }
  if (use.hostVariable === undefined) return error;
  const h = use.hostVariable;
  switch (error.code) {
    case 'EADDRNOTAVAIL':
      return new AppError('CONFIG_INVALID', `Configuration ${h}="${host}" is invalid: expected an address of this machine (EADDRNOTAVAIL).`, { variable: h });
    case 'ENOTFOUND':
      return new AppError('CONFIG_INVALID', `Configuration ${h}="${host}" is invalid: the name does not resolve to an address (ENOTFOUND); use an IP address such as 127.0.0.1 or 0.0.0.0, localhost, or a name this machine resolves.`, { variable: h });
    case 'EAI_AGAIN':
      return new AppError('CONFIG_INVALID', `Configuration ${h}="${host}" is invalid: the name could not be resolved now (EAI_AGAIN: no name server answered); use an IP address such as 127.0.0.1 or 0.0.0.0, or localhost.`, { variable: h });
  }
  return error;
}
