import path from 'node:path';
import { AppError } from '../errors/app-error';

/** Validated runtime configuration. Read once with {@link loadConfig}; never read `process.env` elsewhere. */
export interface Config {
  /** HTTP listen host (HOST, default 127.0.0.1). */
  host: string;
  /** HTTP listen port (PORT, default 4000; 0 picks a free port). */
  port: number;
  /** NODE_ENV=production turns off introspection and the Sandbox landing page. */
  production: boolean;
  /** pino level (LOG_LEVEL, default info). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest request body accepted, in bytes (MAX_BODY_BYTES, default 100000). */
  maxBodyBytes: number;
  /** Load the seeds at start when the database holds no breach (SEED_ON_START, default true). */
  seedOnStart: boolean;
  neo4j: {
    /** External server (NEO4J_URI); when unset the embedded launcher is started. */
    uri: string | undefined;
    user: string;
    password: string;
    database: string | undefined;
    /** Per-transaction timeout sent with every query (NEO4J_QUERY_TIMEOUT_MS, default 15000). */
    queryTimeoutMs: number;
    embedded: {
      /** Bolt port of the embedded server (NEO4J_BOLT_PORT, default 7687; 0 = any free port). */
      boltPort: number;
      /** Store directory, kept across restarts (NEO4J_DATA_DIR, default ./data/neo4j). */
      dataDir: string;
      /** JVM heap (NEO4J_HEAP, default 1g). */
      heap: string;
      /** Page cache (NEO4J_PAGECACHE, default 512m). */
      pageCache: string;
    };
  };
}

const SIZE = /^\d+[kmgKMG]?$/;
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function fail(name: string, value: string, expected: string): never {
  throw new AppError('CONFIG_INVALID', `Configuration ${name}=${JSON.stringify(value)} is invalid: expected ${expected}.`, {
    variable: name,
  });
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(name, raw, `a whole number from ${min} to ${max}`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  return fail(name, raw, 'true or false');
}

function size(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!SIZE.test(raw)) fail(name, raw, 'a size such as 512m or 2g');
  return raw.toLowerCase();
}

/**
 * Reads and validates the configuration from an environment (default `process.env`).
 * Throws AppError CONFIG_INVALID naming the variable and its bad value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = env.NEO4J_URI && env.NEO4J_URI.trim() !== '' ? env.NEO4J_URI.trim() : undefined;
  if (uri !== undefined && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(uri)) {
    fail('NEO4J_URI', uri, 'a bolt://, bolt+s://, neo4j:// or neo4j+s:// address');
  }
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level)) fail('LOG_LEVEL', env.LOG_LEVEL ?? '', LEVELS.join(', '));
  const nodeEnv = env.NODE_ENV ?? 'development';
  return {
    host: env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1',
    port: int(env, 'PORT', 4000, 0, 65535),
    production: nodeEnv === 'production',
    logLevel: level as Config['logLevel'],
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 100_000, 1_000, 10_000_000),
    seedOnStart: bool(env, 'SEED_ON_START', true),
    neo4j: {
      uri,
      user: env.NEO4J_USER ?? env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE && env.NEO4J_DATABASE !== '' ? env.NEO4J_DATABASE : undefined,
      queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 15_000, 100, 3_600_000),
      embedded: {
        boltPort: int(env, 'NEO4J_BOLT_PORT', 7687, 0, 65535),
        dataDir: path.resolve(env.NEO4J_DATA_DIR && env.NEO4J_DATA_DIR !== '' ? env.NEO4J_DATA_DIR : 'data/neo4j'),
        heap: size(env, 'NEO4J_HEAP', '1g'),
        pageCache: size(env, 'NEO4J_PAGECACHE', '512m'),
      },
    },
  };
}
