import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** What `npm run soak` runs, every figure within its bounds. */
export interface SoakOptions {
  /** How long the load runs, in whole minutes (the soak then stops by itself). */
  minutes: number;
  /** Concurrent connections sending the read mix (each a closed loop: one request at a time). */
  connections: number;
  /** Size of the generated France loaded before the soak (bench/dataset.ts). */
  people: number;
  seed: number;
  /** The first minutes, whose RSS is not held to the ±10 % target (JIT, pools, caches filling). */
  warmupMinutes: number;
  /** Seconds between two imports of the trickle. */
  importEverySeconds: number;
  /** Rows in each import of the trickle. */
  importRows: number;
  /** Address the API binds; loopback only. */
  host: string;
  heap: string;
  pageCache: string;
  /** Keep the loaded store under bench/tmp and reuse it on the next run with the same people and seed. */
  keepStore: boolean;
  /** Folder where soak.md and soak.json are written. */
  out: string;
}

/** The bounds, so a typo cannot start a day-long or thousand-connection load on a shared machine. */
export const SOAK_BOUNDS = {
  // Three at least: the warm-up minute, then two to compare.
  minutes: { min: 3, max: 120 },
  connections: { min: 1, max: 64 },
  people: { min: 1_000, max: 10_000_000 },
  warmupMinutes: { min: 1, max: 10 },
  importEverySeconds: { min: 2, max: 600 },
  // The API's importPortfolio is for small files (MAX_BODY_BYTES, 100 kB by default): 500 rows is about 35 kB.
  importRows: { min: 1, max: 500 },
} as const;

/**
 * True for an address of this machine's loopback interface: `localhost`, 127.0.0.0/8, `::1`
 * (also as `[::1]`) and IPv4-mapped 127.x. Anything else, including 0.0.0.0, is refused, so the
 * soak never loads a server other people use.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/** Throws unless `url`'s host is a loopback address (see {@link isLoopbackHost}). */
export function assertLoopbackUrl(url: string): void {
  const host = new URL(url).hostname;
  if (!isLoopbackHost(host)) throw new Error(`the soak runs against loopback only; refusing ${url}`);
}

function whole(name: string, value: string | undefined, dflt: number, bounds: { min: number; max: number }): number {
  const n = value === undefined ? dflt : Number(value);
  if (!Number.isInteger(n) || n < bounds.min || n > bounds.max) {
    throw new Error(`--${name} must be a whole number from ${bounds.min} to ${bounds.max}, got "${value}"`);
  }
  return n;
}

/**
 * Parses `npm run soak` arguments (`argv` without node and the script) and checks every bound;
 * throws an Error naming the option on anything out of bounds or unknown. Defaults: 10 minutes,
 * 16 connections, 1,000,000 people (the target run), seed 42, one warm-up minute, 20 rows every
 * 10 s, host 127.0.0.1, out bench/.
 */
export function parseSoakOptions(argv: string[], root: string): SoakOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      minutes: { type: 'string' },
      connections: { type: 'string' },
      people: { type: 'string' },
      seed: { type: 'string' },
      warmup: { type: 'string' },
      'import-every': { type: 'string' },
      'import-rows': { type: 'string' },
      host: { type: 'string' },
      heap: { type: 'string' },
      'page-cache': { type: 'string' },
      'keep-store': { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  const minutes = whole('minutes', values.minutes, 10, SOAK_BOUNDS.minutes);
  const warmupMinutes = whole('warmup', values.warmup, 1, SOAK_BOUNDS.warmupMinutes);
  if (warmupMinutes > minutes - 2) throw new Error(`--warmup (${warmupMinutes}) must leave at least 2 of the ${minutes} minutes to compare`);
  const people = whole('people', values.people, 1_000_000, SOAK_BOUNDS.people);
  const host = values.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`--host must be a loopback address (127.0.0.1, ::1, localhost), got "${host}"`);
  const size = /^\d+[mg]$/i;
  const heap = values.heap ?? (people > 100_000 ? '4g' : '1g');
  const pageCache = values['page-cache'] ?? (people > 100_000 ? '3g' : '512m');
  if (!size.test(heap)) throw new Error(`--heap must look like 4g or 512m, got "${heap}"`);
  if (!size.test(pageCache)) throw new Error(`--page-cache must look like 3g or 512m, got "${pageCache}"`);
  return {
    minutes,
    connections: whole('connections', values.connections, 16, SOAK_BOUNDS.connections),
    people,
    seed: whole('seed', values.seed, 42, { min: 0, max: 2 ** 31 }),
    warmupMinutes,
    importEverySeconds: whole('import-every', values['import-every'], 10, SOAK_BOUNDS.importEverySeconds),
    importRows: whole('import-rows', values['import-rows'], 20, SOAK_BOUNDS.importRows),
    host,
    heap,
    pageCache,
    keepStore: values['keep-store'] ?? false,
    out: path.resolve(values.out ?? path.join(root, 'bench')),
  };
}
