import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { fromRoot } from './paths';
import { TRACING_ENV, TracingSettings, tracingSettings } from './tracing-settings';

/** Validated runtime configuration. Read once with {@link loadConfig}; never read `process.env` elsewhere. */
export interface Config {
  /** HTTP listen host (HOST, default 127.0.0.1): an IP address, localhost, this machine's name or a fully qualified name. */
  host: string;
  /** HTTP listen port (PORT, default 4000; 0 picks a free port). */
  port: number;
  /** NODE_ENV=production turns off introspection and the Sandbox landing page. */
  production: boolean;
  /** NODE_ENV: development (default), production or test; any other value is refused. */
  environment: 'development' | 'production' | 'test';
  /** pino level (LOG_LEVEL, default info). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * On SIGTERM/SIGINT, how long requests already in flight may still run before their connections
   * are cut (SHUTDOWN_GRACE_MS, default 10000); new connections are refused at once.
   */
  shutdownGraceMs: number;
  /** Largest request body accepted, in bytes (MAX_BODY_BYTES, default 100000). */
  maxBodyBytes: number;
  /** Load the seeds at start when the database holds no breach (SEED_ON_START, default true). */
  seedOnStart: boolean;
  /** Send `x-cypher-round-trips` on every answer (ROUND_TRIPS_HEADER; default on outside production). */
  roundTripsHeader: boolean;
  /** Live counts (an asOf other than a breach's reference date) one caller may start per minute (LIVE_COUNTS_PER_MINUTE, default 10; 0 refuses them all). */
  liveCountsPerMinute: number;
  /** Deadline of a request that spends a live count, from its start (NEO4J_LIVE_COUNT_TIMEOUT_MS, default 60000; never shorter than NEO4J_QUERY_TIMEOUT_MS). */
  liveCountTimeoutMs: number;
  /**
   * Plan every named statement once (EXPLAIN, in the background) after start (WARM_UP_PLANNER;
   * default on in production with the embedded Neo4j, whose JVM every start makes cold, off
   * otherwise). See src/db/plan-warm-up.ts.
   */
  warmUpPlanner: boolean;
  /**
   * How far V8 lets the API's JavaScript heap grow past what a full collection left live before it
   * collects again, in percent (HEAP_GROWTH_PERCENT, default 0: V8's own factor, which lets a heap
   * of 35 MB live grow to about 140 MB, so a mailing export raised the RSS by 100–190 MB; at 50 the
   * first export at 1M people raised it by 31.5 MB). Applied once at start by `applyHeapGrowth`.
   */
  heapGrowthPercent: number;
  /**
   * Contracts per statement of the mailing export (EXPORT_BATCH_SIZE); undefined keeps the
   * export's own default (domain/contract/affected-contracts-export). Raise it where each
   * statement's round trip is long (a Neo4j across a network): an export runs one per batch.
   */
  exportBatchSize: number | undefined;
  /**
   * Smallest count of people or contracts an aggregate role is shown (DISCLOSURE_MIN_CELL, default
   * 10; 1 turns disclosure control off): see domain/disclosure/disclosure-policy.
   */
  disclosureMinCell: number;
  /**
   * `/metrics` (Prometheus): METRICS=off (no route, 404), on (open), or token (a bearer
   * METRICS_TOKEN required, 401 otherwise). Default: token when METRICS_TOKEN is set, else on
   * outside production and off in production, where metrics name operations and roles.
   */
  metrics: {
    mode: 'off' | 'on' | 'token';
    /** The bearer a scraper sends when mode is token (METRICS_TOKEN, at least 32 bytes); never logged. */
    token: string | undefined;
  };
  /**
   * The web front end (web/, built into web/dist by `npm run build:web`) the API serves.
   */
  web: {
    /**
     * `/graphiql`, the bundled offline explorer (GRAPHIQL; default on outside production, off in
     * production unless set to true).
     */
    graphiql: boolean;
    /**
     * `/dev/token`, which mints local tokens for the dashboard's role picker (DEV_TOKENS; default
     * on with NODE_ENV=development and a local token secret, off otherwise). Refused in production
     * and with AUTH_JWKS_URL: a token anyone can mint would open every role.
     */
    devTokens: boolean;
    /** The built bundle (`web/dist` at the project root). */
    distDir: string;
  };
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
    /** Longest token lifetime accepted, `exp - iat` in seconds (AUTH_MAX_TOKEN_LIFETIME_S, default 86400 = 24 h, at most 7 days). */
    maxTokenLifetimeS: number;
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
  /**
   * Days audit records are kept (AUDIT_RETENTION_DAYS, 1 to 36500); unset (the default) keeps them
   * forever. `npm run audit:prune` applies it; pruning keeps the chain verifiable.
   */
  auditRetentionDays: number | undefined;
  /**
   * OpenTelemetry traces, sent over OTLP/HTTP (JSON) to a collector. Off (`tracesUrl` undefined:
   * no SDK is loaded or started, the API's spans are no-ops) unless an endpoint is configured.
   */
  tracing: TracingSettings;
  neo4j: {
    /** External server (NEO4J_URI); when unset the embedded launcher is started. */
    uri: string | undefined;
    user: string;
    password: string;
    database: string | undefined;
    /** Per-transaction timeout sent with every API request's statements (NEO4J_QUERY_TIMEOUT_MS, default 15000). */
    queryTimeoutMs: number;
    /** Per-transaction timeout of seeding, imports and summary refreshes (NEO4J_ADMIN_TIMEOUT_MS, default 0: none). */
    adminTimeoutMs: number;
    embedded: {
      /** Bolt port of the embedded server (NEO4J_BOLT_PORT, default 7687; 0 = any free port). */
      boltPort: number;
      /** Store directory, kept across restarts (NEO4J_DATA_DIR, default ./data/neo4j). */
      dataDir: string;
      /** JVM heap (NEO4J_HEAP, default 1g). */
      heap: string;
      /** Page cache (NEO4J_PAGECACHE, default 512m). */
      pageCache: string;
      /**
       * Read the store into the page cache in the background once the server has started it
       * (WARM_UP_PAGE_CACHE, default on): Neo4j Community starts with it empty, and the first
       * heavy requests then read their pages from disk one at a time. See PageCacheWarmup.java.
       */
      warmPageCache: boolean;
    };
  };
}

const SIZE = /^\d+[kmgKMG]?$/;
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ENVIRONMENTS = ['development', 'production', 'test'] as const;
const ALGORITHM = /^(HS256|HS384|HS512|RS256|RS384|RS512|PS256|PS384|PS512|ES256|ES384|ES512|EdDSA)$/;
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
/** Variables whose value is never echoed in an error: only their length in bytes is. */
const SECRET_VARIABLES = new Set(['AUTH_JWT_SECRET', 'PSEUDONYM_KEY', 'NEO4J_PASSWORD', 'METRICS_TOKEN']);
const METRICS_MODES = ['off', 'on', 'token'] as const;

/**
 * A listen address the server can bind: an IP literal, `localhost`, this machine's own name, or a
 * fully qualified DNS name (a dot and an alphabetic top-level label). Any other single-label name
 * is a typo or a name only some resolver knows (`not-a-host`), refused before a late EADDRNOTAVAIL.
 */
function isListenHost(host: string): boolean {
  if (net.isIP(host) !== 0) return true;
  if (!DNS_NAME.test(host)) return false;
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower === os.hostname().toLowerCase()) return true;
  return /\.[a-z][a-z0-9-]*[a-z0-9]$/i.test(host);
}

/** Unset and empty are the same for most variables: the default applies. */
const emptyIsUnset = (v: unknown): unknown => (v === '' ? undefined : v);

/** An optional variable, empty meaning unset, validated by `schema` when set. */
function optional<T extends z.ZodType<unknown, string>>(schema: T) {
  return z.preprocess(emptyIsUnset, schema.optional());
}

/** An optional variable with a default, empty meaning unset. */
function withDefault<T extends z.ZodType<unknown, string>>(schema: T, fallback: z.output<T>) {
  return optional(schema).transform((v) => (v === undefined ? fallback : (v as z.output<T>)));
}

function wholeNumber(min: number, max: number) {
  const error = `a whole number from ${min} to ${max}`;
  return z.string().transform(Number).pipe(z.number({ error }).int({ error }).min(min, { error }).max(max, { error }));
}

const boolean = () =>
  z
    .string()
    .regex(/^(1|true|yes|on|0|false|no|off)$/i, { error: 'true or false' })
    .transform((v) => /^(1|true|yes|on)$/i.test(v));

const size = () =>
  z
    .string()
    .regex(SIZE, { error: 'a size such as 512m or 2g' })
    .transform((v) => v.toLowerCase());

const secret = () => z.string().refine((v) => Buffer.byteLength(v) >= 32, { error: 'at least 32 bytes' });

/**
 * The environment variables, each with its check and default. Their order is the order problems
 * are found in: the first is reported.
 */
const ENV = z
  .object({
    NEO4J_URI: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
      z
        .string()
        .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/, { error: 'a bolt://, bolt+s://, neo4j:// or neo4j+s:// address' })
        .optional(),
    ),
    // An empty LOG_LEVEL is refused, not the default: it names no level.
    LOG_LEVEL: z
      .string()
      .optional()
      .transform((v) => (v ?? 'info').toLowerCase())
      .pipe(z.enum(LEVELS, { error: LEVELS.join(', ') })),
    AUTH_JWT_SECRET: optional(secret()),
    AUTH_JWKS_URL: optional(z.string().regex(/^https?:\/\/\S+$/, { error: 'an http(s) address' })),
    AUTH_ALGORITHMS: optional(
      z
        .string()
        .transform((v) => v.split(',').map((a) => a.trim()))
        .pipe(z.array(z.string().regex(ALGORITHM, { error: 'a JWS algorithm such as HS256, RS256 or ES256 ("none" is never accepted)' }))),
    ),
    PSEUDONYM_KEY: optional(secret()),
    NODE_ENV: withDefault(z.enum(ENVIRONMENTS, { error: 'development, production or test' }), 'development'),
    HOST: withDefault(
      z.string().refine(isListenHost, { error: 'an IP address (127.0.0.1, 0.0.0.0, ::), localhost, this machine’s name or a fully qualified host name' }),
      '127.0.0.1',
    ),
    PORT: withDefault(wholeNumber(0, 65535), 4000),
    MAX_BODY_BYTES: withDefault(wholeNumber(1_000, 10_000_000), 100_000),
    SHUTDOWN_GRACE_MS: withDefault(wholeNumber(0, 600_000), 10_000),
    SEED_ON_START: withDefault(boolean(), true),
    ROUND_TRIPS_HEADER: optional(boolean()),
    // Default decided with NODE_ENV and METRICS_TOKEN below (loadConfig).
    METRICS: optional(
      z
        .string()
        .transform((v) => v.toLowerCase())
        .pipe(z.enum(METRICS_MODES, { error: 'off, on or token' })),
    ),
    METRICS_TOKEN: optional(secret()),
    GRAPHIQL: optional(boolean()),
    DEV_TOKENS: optional(boolean()),
    NEO4J_QUERY_TIMEOUT_MS: withDefault(wholeNumber(100, 3_600_000), 15_000),
    NEO4J_ADMIN_TIMEOUT_MS: withDefault(wholeNumber(0, 86_400_000), 0),
    NEO4J_LIVE_COUNT_TIMEOUT_MS: withDefault(wholeNumber(100, 3_600_000), 60_000),
    LIVE_COUNTS_PER_MINUTE: withDefault(wholeNumber(0, 100_000), 10),
    WARM_UP_PLANNER: optional(boolean()),
    WARM_UP_PAGE_CACHE: withDefault(boolean(), true),
    HEAP_GROWTH_PERCENT: withDefault(wholeNumber(0, 400), 0),
    EXPORT_BATCH_SIZE: optional(wholeNumber(1, 10_000)),
    AUDIT_RETENTION_DAYS: optional(wholeNumber(1, 36_500)),
    ...TRACING_ENV,
    DISCLOSURE_MIN_CELL: withDefault(wholeNumber(1, 1_000_000), 10),
    NEO4J_BOLT_PORT: withDefault(wholeNumber(0, 65535), 7687),
    NEO4J_HEAP: withDefault(size(), '1g'),
    NEO4J_PAGECACHE: withDefault(size(), '512m'),
    NEO4J_DATA_DIR: withDefault(z.string(), 'data/neo4j'),
    SECRETS_DIR: optional(z.string()),
    AUTH_ISSUER: withDefault(z.string(), 'breach-impact-local'),
    AUTH_AUDIENCE: withDefault(z.string(), 'breach-impact'),
    AUTH_MAX_TOKEN_LIFETIME_S: withDefault(wholeNumber(60, 604_800), 86_400),
    // User and password keep an empty value: an empty password is a real (if poor) setting.
    NEO4J_USER: z.string().optional(),
    NEO4J_USERNAME: z.string().optional(),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: optional(z.string()),
  })
  // Rules across variables; they run once every variable is valid on its own.
  .superRefine((env, ctx) => {
    const refuse = (variable: string, shown: string, expected: string) => ctx.addIssue({ code: 'custom', path: [variable], message: expected, params: { shown } });
    if (env.AUTH_JWT_SECRET !== undefined && env.AUTH_JWKS_URL !== undefined) {
      refuse('AUTH_JWKS_URL', env.AUTH_JWKS_URL, 'unset when AUTH_JWT_SECRET is set (one way of verifying tokens, not two)');
    }
    if (env.AUTH_JWKS_URL !== undefined) {
      const symmetric = env.AUTH_ALGORITHMS?.find((a) => a.startsWith('HS'));
      if (symmetric !== undefined) refuse('AUTH_ALGORITHMS', symmetric, 'an asymmetric algorithm when AUTH_JWKS_URL is set');
    }
    if (env.METRICS === 'token' && env.METRICS_TOKEN === undefined) refuse('METRICS_TOKEN', '', 'set when METRICS=token (at least 32 bytes)');
    // A token with an open or closed endpoint is a mistake either way: say so rather than ignore it.
    if (env.METRICS_TOKEN !== undefined && env.METRICS !== undefined && env.METRICS !== 'token') refuse('METRICS', env.METRICS, 'token (or unset) when METRICS_TOKEN is set');
    // Minted tokens open every role to whoever reaches the port: never in production, and never
    // beside an identity provider whose tokens are the only ones that should exist.
    if (env.DEV_TOKENS === true && env.NODE_ENV === 'production') refuse('DEV_TOKENS', 'true', 'false (or unset) in production: development tokens are never served in production');
    if (env.DEV_TOKENS === true && env.AUTH_JWKS_URL !== undefined) refuse('DEV_TOKENS', 'true', 'false (or unset) when AUTH_JWKS_URL is set: tokens come from the identity provider');
    if (env.NODE_ENV === 'production') {
      // Keys fetched over plain http could be swapped in transit, and with them every token.
      if (env.AUTH_JWKS_URL !== undefined && !env.AUTH_JWKS_URL.startsWith('https://')) refuse('AUTH_JWKS_URL', env.AUTH_JWKS_URL, 'an https:// address in production');
      if (env.PSEUDONYM_KEY === undefined) refuse('PSEUDONYM_KEY', '', 'set in production (at least 32 bytes); development generates one');
      if (env.AUTH_JWT_SECRET === undefined && env.AUTH_JWKS_URL === undefined) refuse('AUTH_JWKS_URL', '', 'set in production (or AUTH_JWT_SECRET)');
    }
  });

/**
 * Every environment variable the configuration reads, by name: the schema's, and the file
 * variant of the pseudonym key read before it. README's Configuration table documents each
 * (src/config/config.test.ts fails on one missing there).
 */
export const CONFIG_VARIABLES: readonly string[] = [...Object.keys(ENV.shape), 'PSEUDONYM_KEY_FILE'];

/** What an error shows of the bad value: the value itself, except for secrets (their length only). */
function shownValue(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const variable = String(issue.path[0]);
  const given = issue.code === 'custom' ? (issue.params as { shown?: unknown } | undefined)?.shown : undefined;
  if (typeof given === 'string') return given;
  // A bad element of a list (one algorithm of AUTH_ALGORITHMS) is shown alone.
  if (issue.path.length > 1 && typeof issue.input === 'string') return issue.input;
  const raw = env[variable] ?? '';
  return SECRET_VARIABLES.has(variable) ? `<${Buffer.byteLength(raw)} bytes>` : raw;
}

/** `.secrets` at the project root, whatever NEO4J_DATA_DIR is. */
const DEFAULT_SECRETS_DIR = fromRoot('.secrets');

function fail(name: string, shown: string, expected: string): never {
  throw new AppError('CONFIG_INVALID', `Configuration ${name}=${JSON.stringify(shown)} is invalid: expected ${expected}.`, { variable: name });
}

/**
 * The environment with PSEUDONYM_KEY read from the file PSEUDONYM_KEY_FILE names (a mounted
 * secret), without its final line break, so the key is then checked like one given directly.
 * Both at once is refused: one source for the key, not two.
 */
function withSecretFiles(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const file = env.PSEUDONYM_KEY_FILE;
  if (file === undefined || file === '') return env;
  if (env.PSEUDONYM_KEY) fail('PSEUDONYM_KEY_FILE', file, 'unset when PSEUDONYM_KEY is set (one source for the key, not two)');
  try {
    return { ...env, PSEUDONYM_KEY: fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '') };
  } catch (e) {
    // The path is named, the contents never are.
    return fail('PSEUDONYM_KEY_FILE', file, `a readable file (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

/**
 * Reads and validates the configuration from an environment (default `process.env`).
 * Throws AppError CONFIG_INVALID naming the variable and its bad value (a secret's length only).
 */
export function loadConfig(given: NodeJS.ProcessEnv = process.env): Config {
  const env = withSecretFiles(given);
  const parsed = ENV.safeParse(env, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    throw new AppError('CONFIG_INVALID', `Configuration ${variable}=${JSON.stringify(shownValue(issue, env))} is invalid: expected ${issue.message}.`, {
      variable,
    });
  }
  const v = parsed.data;
  const production = v.NODE_ENV === 'production';
  const dataDir = path.resolve(v.NEO4J_DATA_DIR);
  return {
    host: v.HOST,
    port: v.PORT,
    production,
    environment: v.NODE_ENV,
    logLevel: v.LOG_LEVEL,
    maxBodyBytes: v.MAX_BODY_BYTES,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    seedOnStart: v.SEED_ON_START,
    roundTripsHeader: v.ROUND_TRIPS_HEADER ?? !production,
    liveCountsPerMinute: v.LIVE_COUNTS_PER_MINUTE,
    liveCountTimeoutMs: v.NEO4J_LIVE_COUNT_TIMEOUT_MS,
    warmUpPlanner: v.WARM_UP_PLANNER ?? (production && v.NEO4J_URI === undefined),
    heapGrowthPercent: v.HEAP_GROWTH_PERCENT,
    exportBatchSize: v.EXPORT_BATCH_SIZE,
    auditRetentionDays: v.AUDIT_RETENTION_DAYS,
    tracing: tracingSettings(v),
    disclosureMinCell: v.DISCLOSURE_MIN_CELL,
    metrics: {
      mode: v.METRICS ?? (v.METRICS_TOKEN !== undefined ? 'token' : production ? 'off' : 'on'),
      token: v.METRICS_TOKEN,
    },
    web: {
      graphiql: v.GRAPHIQL ?? !production,
      devTokens: v.DEV_TOKENS ?? (v.NODE_ENV === 'development' && v.AUTH_JWKS_URL === undefined),
      distDir: fromRoot('web', 'dist'),
    },
    auth: {
      jwtSecret: v.AUTH_JWT_SECRET,
      jwksUrl: v.AUTH_JWKS_URL,
      algorithms: v.AUTH_ALGORITHMS ?? [v.AUTH_JWKS_URL ? 'RS256' : 'HS256'],
      issuer: v.AUTH_ISSUER,
      audience: v.AUTH_AUDIENCE,
      maxTokenLifetimeS: v.AUTH_MAX_TOKEN_LIFETIME_S,
    },
    pseudonymKey: v.PSEUDONYM_KEY,
    secretsDir: v.SECRETS_DIR !== undefined ? path.resolve(v.SECRETS_DIR) : DEFAULT_SECRETS_DIR,
    legacySecretsDir: v.SECRETS_DIR !== undefined ? undefined : path.resolve(dataDir, '..'),
    neo4j: {
      uri: v.NEO4J_URI,
      user: v.NEO4J_USER ?? v.NEO4J_USERNAME ?? 'neo4j',
      password: v.NEO4J_PASSWORD,
      database: v.NEO4J_DATABASE,
      queryTimeoutMs: v.NEO4J_QUERY_TIMEOUT_MS,
      adminTimeoutMs: v.NEO4J_ADMIN_TIMEOUT_MS,
      embedded: {
        boltPort: v.NEO4J_BOLT_PORT,
        dataDir,
        heap: v.NEO4J_HEAP,
        pageCache: v.NEO4J_PAGECACHE,
        warmPageCache: v.WARM_UP_PAGE_CACHE,
      },
    },
  };
}
