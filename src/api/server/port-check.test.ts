import net from 'node:net';
import { isAppError } from '../../errors/app-error';
import { assertPortFree } from './port-check';

/** The start-up port check: a port held by another listener is PORT_IN_USE with a plain message. */
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

test('port 0 (any free port) is not checked', async () => {
  await expect(assertPortFree('127.0.0.1', 0)).resolves.toBeUndefined();
});
