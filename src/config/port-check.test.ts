import net from 'node:net';
import { isAppError } from '../errors/app-error';
import { assertPortFree, PortUse } from './port-check';

/**
 * The start-up port check (one function for the HTTP port and the embedded Neo4j's Bolt port): a
 * port held by another listener is PORT_IN_USE with a plain message naming what to set, and a
 * host that does not resolve is CONFIG_INVALID naming HOST.
 */
async function occupy(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('a port another listener holds is PORT_IN_USE, naming the port and the host', async () => {
  const held = await occupy();
  try {
    const error = await assertPortFree('127.0.0.1', held.port).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'PORT_IN_USE' });
    expect((error as Error).message).toMatch(new RegExp(`^port ${held.port} on 127\\.0\\.0\\.1 is already in use`));
  } finally {
    await held.close();
  }
});

test('a free port passes and is free again afterwards', async () => {
  const held = await occupy();
  await held.close();
  await expect(assertPortFree('127.0.0.1', held.port)).resolves.toBeUndefined();
  // Released: binding it again works (the check does not keep the port).
  const again = net.createServer();
  await new Promise<void>((resolve, reject) => {
    again.once('error', reject);
    again.listen({ host: '127.0.0.1', port: held.port }, () => resolve());
  });
  await new Promise<void>((resolve) => again.close(() => resolve()));
});

test('port 0 (any free port) cannot be taken', async () => {
  await expect(assertPortFree('127.0.0.1', 0)).resolves.toBeUndefined();
});

/** The error `assertPortFree` rejects with (undefined when it resolves). */
function refusal(host: string, port: number, use?: PortUse): Promise<unknown> {
  return assertPortFree(host, port, use).then(
    () => undefined,
    (e: unknown) => e,
  );
}

test('another port (a use naming its variable) is PORT_IN_USE naming that variable and the way out, on one line', async () => {
  // db/embedded.test.ts checks the embedded Neo4j's own description (BOLT_PORT) through startEmbeddedNeo4j.
  const use: PortUse = { portVariable: 'SOME_PORT', what: ', what listens there', otherwise: ', or another way' };
  const held = await occupy();
  try {
    const error = await refusal('127.0.0.1', held.port, use);
    expect(error).toMatchObject({ code: 'PORT_IN_USE', extensions: { variable: 'SOME_PORT', port: held.port } });
    const message = (error as Error).message;
    expect(message).toBe(`port ${held.port} on 127.0.0.1 (SOME_PORT, what listens there) is already in use by another process; stop it, or set SOME_PORT to a free port (SOME_PORT=0 picks one), or another way.`);
  } finally {
    await held.close();
  }
});

test('the HTTP port’s message does not name PORT twice, nor NEO4J_BOLT_PORT', async () => {
  const held = await occupy();
  try {
    const message = ((await refusal('127.0.0.1', held.port)) as Error).message;
    expect(message).toBe(`port ${held.port} on 127.0.0.1 is already in use by another process; stop it, or set PORT to a free port (PORT=0 picks one).`);
  } finally {
    await held.close();
  }
});

// `.invalid` never resolves (RFC 6761 §6.4): no network is needed, and none is reached.
test.each([4000, 0])('a HOST that does not resolve is CONFIG_INVALID naming HOST and the value (port %i)', async (port) => {
  const error = await refusal('no-such-host.invalid', port);
  expect(isAppError(error)).toBe(true);
  expect(error).toMatchObject({ code: 'CONFIG_INVALID', extensions: { variable: 'HOST' } });
  // ENOTFOUND from a resolver that answers; EAI_AGAIN from one that cannot be reached.
  expect((error as Error).message).toMatch(/^Configuration HOST="no-such-host\.invalid" is invalid: the name (does not resolve to an address \(ENOTFOUND\)|could not be resolved now \(EAI_AGAIN)/);
  expect((error as Error).message).not.toMatch(/getaddrinfo|\n/);
});

test('a fixed host (no host variable) that fails to resolve keeps its own error: no variable to name', async () => {
  const error = await refusal('no-such-host.invalid', 4000, { portVariable: 'NEO4J_BOLT_PORT' });
  expect(isAppError(error)).toBe(false);
  expect((error as NodeJS.ErrnoException).code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
});
