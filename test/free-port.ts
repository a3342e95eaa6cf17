import net from 'node:net';

/** A TCP port on the loopback that was free a moment ago (the OS picks it; nothing listens there once this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}
