import fs from 'node:fs';
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
  /** Send `x-cypher-round-trips` on every answer (ROUND_TRIPS_HEADER; default on outside production). */
  roundTripsHeader: boolean;
  /**
   * Smallest count of people or contracts an aggregate role is shown (DISCLOSURE_MIN_CELL, default
   * 10; 1 turns disclosure control off): see domain/disclosure/disclosure-policy.
   */
  disclosureMinCell: number;
  auth: {
    /** HS256 secret (AUTH_JWT_SECRET, at least 32 bytes) for local tokens; unset with a JWKS address. */
    jwtSecret: string | undefined;
    /** JWKS address (AUTH_JWKS_URL) of the production identity provider. */
    jwksUrl: string | undefined;
    /** Accepted algorithms, pinned (AUTH_ALGORITHMS; default HS256 with a secret, RS256 with JWKS). */
    algorithms: string[];
    /** Required `iss` (AUTH_ISSUER, default breach-impact-local). */
    issuer: string;
    /** Required `aud` (AUTH_AUDIENCE, default breach-impact). */
    audience: string;
  };
  /**
   * HMAC-SHA256 key of NIR pseudonyms (PSEUDONYM_KEY, or the contents of the file named by
   * PSEUDONYM_KEY_FILE, such as a mounted secret; at least 32 bytes); never logged.
   */
  pseudonymKey: string | undefined;
  /**
   * Where development secrets (and the embedded Neo4j's password) are generated and kept
   * (SECRETS_DIR, default `.secrets` at the repository root): one place whatever NEO4J_DATA_DIR
   * is, and never inside the store's tree.
   */
  secretsDir: string;
  /** Where older versions kept dev-secrets.json (the data directory's parent), to move it from; unset with SECRETS_DIR. */
  legacySecretsDir: string | undefined;
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

/** `.secrets` at the repository root (this file is src/config or dist/config). */
const DEFAULT_SECRETS_DIR = path.resolve(__dirname, '../../.secrets');

/** The contents of the file named by variable `name` (a mounted secret), without its final line break. */
function secretFile(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[name];
  if (file === undefined || file === '') return undefined;
  try {
    return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    // The path is named, the contents never are.
    return fail(name, file, `a readable file (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
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
  const secret = env.AUTH_JWT_SECRET && env.AUTH_JWT_SECRET !== '' ? env.AUTH_JWT_SECRET : undefined;
  // Secrets are named but never echoed: only their length appears in the message.
  if (secret !== undefined && Buffer.byteLength(secret) < 32) fail('AUTH_JWT_SECRET', `<${Buffer.byteLength(secret)} bytes>`, 'at least 32 bytes');
  const jwksUrl = env.AUTH_JWKS_URL && env.AUTH_JWKS_URL !== '' ? env.AUTH_JWKS_URL : undefined;
  if (jwksUrl !== undefined && !/^https?:\/\/\S+$/.test(jwksUrl)) fail('AUTH_JWKS_URL', jwksUrl, 'an http(s) address');
  if (secret !== undefined && jwksUrl !== undefined) fail('AUTH_JWKS_URL', jwksUrl, 'unset when AUTH_JWT_SECRET is set (one way of verifying tokens, not two)');
  const algorithms = (env.AUTH_ALGORITHMS && env.AUTH_ALGORITHMS !== '' ? env.AUTH_ALGORITHMS : jwksUrl ? 'RS256' : 'HS256').split(',').map((a) => a.trim());
  for (const a of algorithms) {
    if (!/^(HS256|HS384|HS512|RS256|RS384|RS512|PS256|PS384|PS512|ES256|ES384|ES512|EdDSA)$/.test(a)) fail('AUTH_ALGORITHMS', a, 'a JWS algorithm such as HS256, RS256 or ES256 ("none" is never accepted)');
    if (jwksUrl && a.startsWith('HS')) fail('AUTH_ALGORITHMS', a, 'an asymmetric algorithm when AUTH_JWKS_URL is set');
  }
  const pseudonymKey = env.PSEUDONYM_KEY && env.PSEUDONYM_KEY !== '' ? env.PSEUDONYM_KEY : secretFile(env, 'PSEUDONYM_KEY_FILE');
  if (env.PSEUDONYM_KEY && env.PSEUDONYM_KEY_FILE) fail('PSEUDONYM_KEY_FILE', env.PSEUDONYM_KEY_FILE, 'unset when PSEUDONYM_KEY is set (one source for the key, not two)');
  if (pseudonymKey !== undefined && Buffer.byteLength(pseudonymKey) < 32) fail('PSEUDONYM_KEY', `<${Buffer.byteLength(pseudonymKey)} bytes>`, 'at least 32 bytes');
  const production = nodeEnv === 'production';
  if (production && pseudonymKey === undefined) fail('PSEUDONYM_KEY', '', 'set in production (at least 32 bytes); development generates one');
  if (production && secret === undefined && jwksUrl === undefined) fail('AUTH_JWKS_URL', '', 'set in production (or AUTH_JWT_SECRET)');
  const dataDir = path.resolve(env.NEO4J_DATA_DIR && env.NEO4J_DATA_DIR !== '' ? env.NEO4J_DATA_DIR : 'data/neo4j');
  return {
    host: env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1',
    port: int(env, 'PORT', 4000, 0, 65535),
    production,
    logLevel: level as Config['logLevel'],
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 100_000, 1_000, 10_000_000),
    seedOnStart: bool(env, 'SEED_ON_START', true),
    roundTripsHeader: bool(env, 'ROUND_TRIPS_HEADER', !production),
    disclosureMinCell: int(env, 'DISCLOSURE_MIN_CELL', 10, 1, 1_000_000),
    auth: {
      jwtSecret: secret,
      jwksUrl,
      algorithms,
      issuer: env.AUTH_ISSUER && env.AUTH_ISSUER !== '' ? env.AUTH_ISSUER : 'breach-impact-local',
      audience: env.AUTH_AUDIENCE && env.AUTH_AUDIENCE !== '' ? env.AUTH_AUDIENCE : 'breach-impact',
    },
    pseudonymKey,
    secretsDir: env.SECRETS_DIR && env.SECRETS_DIR !== '' ? path.resolve(env.SECRETS_DIR) : DEFAULT_SECRETS_DIR,
    legacySecretsDir: env.SECRETS_DIR && env.SECRETS_DIR !== '' ? undefined : path.resolve(dataDir, '..'),
    neo4j: {
      uri,
      user: env.NEO4J_USER ?? env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE && env.NEO4J_DATABASE !== '' ? env.NEO4J_DATABASE : undefined,
      queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 15_000, 100, 3_600_000),
      embedded: {
        boltPort: int(env, 'NEO4J_BOLT_PORT', 7687, 0, 65535),
        dataDir,
        heap: size(env, 'NEO4J_HEAP', '1g'),
        pageCache: size(env, 'NEO4J_PAGECACHE', '512m'),
      },
    },
  };
}
