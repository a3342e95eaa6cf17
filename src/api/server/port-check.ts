import net from 'node:net';
import { AppError } from '../../errors/app-error';

/**
 * Checks that the HTTP port can be bound on `host` by binding it for a moment and releasing it.
 * main.ts calls it before Neo4j starts, so a taken port fails the start in a second with one
 * plain line, instead of after a minute of Neo4j start-up and a Node stack trace.
 *
 * Throws AppError PORT_IN_USE when another process holds the port (EADDRINUSE), CONFIG_INVALID
 * naming PORT or HOST when this process may not bind it (EACCES) or the host is not an address
 * of this machine (EADDRNOTAVAIL). Port 0 (any free port) always succeeds without a check.
 * The port is free again when the promise resolves; another process could still take it in the
 * gap before the server listens, and that rarer case keeps the listen error.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      // exclusive: a port held by a cluster worker of this machine counts as taken too.
      probe.listen({ host, port, exclusive: true }, () => resolve());
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new AppError('PORT_IN_USE', `port ${port} on ${host} is already in use by another process; stop it, or set PORT to a free port (PORT=0 picks one).`, { port, host });
    }
    if (code === 'EACCES') throw new AppError('CONFIG_INVALID', `Configuration PORT="${port}" is invalid: expected a port this process may bind on ${host} (EACCES).`, { variable: 'PORT' });
    if (code === 'EADDRNOTAVAIL') throw new AppError('CONFIG_INVALID', `Configuration HOST="${host}" is invalid: expected an address of this machine (EADDRNOTAVAIL).`, { variable: 'HOST' });
    throw e;
  } finally {
    if (probe.listening) await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
}
