import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from './config';

/** Configuration is validated once, and a bad value is named with the value itself. */
test('defaults', () => {
  const c = loadConfig({});
  expect(c).toMatchObject({ port: 4000, host: '127.0.0.1', production: false, seedOnStart: true });
  expect(c.neo4j.uri).toBeUndefined();
  expect(c.neo4j.embedded).toMatchObject({ boltPort: 7687, heap: '1g', pageCache: '512m' });
  expect(c.neo4j.embedded.dataDir).toMatch(/data\/neo4j$/);
});

test.each([
  ['PORT', 'eighty', /PORT="eighty".*whole number/],
  ['PORT', '70000', /PORT="70000"/],
  ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI="http:\/\/localhost:7474".*bolt/],
  ['NEO4J_HEAP', 'lots', /NEO4J_HEAP="lots".*512m/],
  ['SEED_ON_START', 'maybe', /SEED_ON_START="maybe".*true or false/],
  ['ROUND_TRIPS_HEADER', 'sometimes', /ROUND_TRIPS_HEADER="sometimes".*true or false/],
  ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud"/],
  ['NEO4J_QUERY_TIMEOUT_MS', '5', /NEO4J_QUERY_TIMEOUT_MS="5"/],
  ['AUTH_MAX_TOKEN_LIFETIME_S', '3153600000', /AUTH_MAX_TOKEN_LIFETIME_S="3153600000".*60 to 604800/],
])('%s=%s is refused with CONFIG_INVALID naming it', (name, value, message) => {
  expect(() => loadConfig({ [name]: value })).toThrow(message);
  try {
    loadConfig({ [name]: value });
  } catch (e) {
    expect((e as { code: string }).code).toBe('CONFIG_INVALID');
  }
});

test('NEO4J_URI accepts routing and secure schemes, for clusters and Aura', () => {
  for (const uri of ['bolt://db:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io', 'bolt+ssc://x']) {
    expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
  }
});

test.each([
  ['NODE_ENV', 'prod', /NODE_ENV="prod".*development, production or test/],
  ['NODE_ENV', 'Production', /NODE_ENV="Production"/],
  ['HOST', 'not-a-host', /HOST="not-a-host".*IP address/],
  ['HOST', '999.1.1.1', /HOST="999.1.1.1"/],
  ['HOST', 'bad host', /HOST="bad host"/],
])('%s=%s is refused with CONFIG_INVALID naming it (zod schema)', (name, value, message) => {
  let thrown: unknown;
  try {
    loadConfig({ [name]: value });
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toMatchObject({ code: 'CONFIG_INVALID', extensions: { variable: name } });
  expect((thrown as Error).message).toMatch(message);
});

test('NODE_ENV accepts development, production and test (and empty as unset)', () => {
  const key = 'k'.repeat(32);
  expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ environment: 'test', production: false });
  expect(loadConfig({ NODE_ENV: '' })).toMatchObject({ environment: 'development', production: false });
  expect(loadConfig({ NODE_ENV: 'production', PSEUDONYM_KEY: key, AUTH_JWT_SECRET: key })).toMatchObject({ environment: 'production', production: true, roundTripsHeader: false });
});

test('HOST accepts IP literals, localhost, this machine’s name and fully qualified names', () => {
  for (const host of ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', require('node:os').hostname(), 'api.example.com']) {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  }
});

test('a secret is named by its length, never echoed', () => {
  expect(() => loadConfig({ AUTH_JWT_SECRET: 'hunter2' })).toThrow('AUTH_JWT_SECRET="<7 bytes>" is invalid: expected at least 32 bytes');
  expect(() => loadConfig({ PSEUDONYM_KEY: 'hunter2' })).toThrow(/PSEUDONYM_KEY="<7 bytes>"/);
});

test('rules across variables: one way of verifying tokens, asymmetric algorithms with JWKS, production needs keys', () => {
  const key = 'k'.repeat(32);
  expect(() => loadConfig({ AUTH_JWT_SECRET: key, AUTH_JWKS_URL: 'https://idp/jwks' })).toThrow(/AUTH_JWKS_URL="https:\/\/idp\/jwks".*one way/);
  expect(() => loadConfig({ AUTH_JWKS_URL: 'https://idp/jwks', AUTH_ALGORITHMS: 'RS256, HS256' })).toThrow(/AUTH_ALGORITHMS="HS256".*asymmetric/);
  expect(() => loadConfig({ AUTH_ALGORITHMS: 'HS256,none' })).toThrow(/AUTH_ALGORITHMS="none"/);
  expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: key })).toThrow(/PSEUDONYM_KEY="".*set in production/);
  expect(() => loadConfig({ NODE_ENV: 'production', PSEUDONYM_KEY: key })).toThrow(/AUTH_JWKS_URL="".*set in production/);
  expect(loadConfig({ AUTH_JWKS_URL: 'https://idp/jwks' }).auth.algorithms).toEqual(['RS256']);
});

test('values are normalised as before: trimmed numbers, lower-case sizes and levels, empty as unset', () => {
  const c = loadConfig({ PORT: ' 42 ', NEO4J_HEAP: '2G', LOG_LEVEL: 'DEBUG', MAX_BODY_BYTES: '', SEED_ON_START: 'off', NEO4J_USERNAME: 'bob', NEO4J_URI: '  ' });
  expect(c).toMatchObject({ port: 42, logLevel: 'debug', maxBodyBytes: 100_000, seedOnStart: false });
  expect(c.neo4j).toMatchObject({ user: 'bob', uri: undefined, password: '' });
  expect(c.neo4j.embedded.heap).toBe('2g');
  expect(() => loadConfig({ LOG_LEVEL: '' })).toThrow(/LOG_LEVEL=""/);
});

const PRODUCTION = { NODE_ENV: 'production', PSEUDONYM_KEY: 'k'.repeat(32) };

test('regression: production refuses an http:// JWKS address with CONFIG_INVALID naming AUTH_JWKS_URL and the value', () => {
  const env = { ...PRODUCTION, AUTH_JWKS_URL: 'http://idp.example/.well-known/jwks.json' };
  expect(() => loadConfig(env)).toThrow(/AUTH_JWKS_URL="http:\/\/idp\.example\/\.well-known\/jwks\.json".*https:/);
  try {
    loadConfig(env);
  } catch (e) {
    expect((e as { code: string }).code).toBe('CONFIG_INVALID');
  }
});

test('production accepts an https:// JWKS address; development also accepts http:// (a local identity provider)', () => {
  expect(loadConfig({ ...PRODUCTION, AUTH_JWKS_URL: 'https://idp.example/jwks' }).auth.jwksUrl).toBe('https://idp.example/jwks');
  expect(loadConfig({ AUTH_JWKS_URL: 'http://localhost:8080/jwks' }).auth.jwksUrl).toBe('http://localhost:8080/jwks');
});

test('the maximum token lifetime is 24 h unless AUTH_MAX_TOKEN_LIFETIME_S says otherwise', () => {
  expect(loadConfig({}).auth.maxTokenLifetimeS).toBe(86_400);
  expect(loadConfig({ AUTH_MAX_TOKEN_LIFETIME_S: '3600' }).auth.maxTokenLifetimeS).toBe(3600);
});

test('AUDIT_RETENTION_DAYS: unset keeps the audit trail forever; a number of days is validated', () => {
  expect(loadConfig({}).auditRetentionDays).toBeUndefined();
  expect(loadConfig({ AUDIT_RETENTION_DAYS: '365' }).auditRetentionDays).toBe(365);
  for (const bad of ['0', '-1', 'a year', '1.5']) expect(() => loadConfig({ AUDIT_RETENTION_DAYS: bad })).toThrow(/AUDIT_RETENTION_DAYS/);
});

test("EXPORT_BATCH_SIZE: unset keeps the export's own default; 1 to 10,000 contracts, anything else refused showing the value", () => {
  expect(loadConfig({}).exportBatchSize).toBeUndefined();
  expect(loadConfig({ EXPORT_BATCH_SIZE: '1000' }).exportBatchSize).toBe(1000);
  for (const bad of ['0', '10001', 'many', '2.5']) expect(() => loadConfig({ EXPORT_BATCH_SIZE: bad })).toThrow(new RegExp(`EXPORT_BATCH_SIZE="${bad.replace('.', '\\.')}"`));
});

test('DISCLOSURE_MIN_CELL: default 10, 1 turns disclosure control off, 0 and words are refused', () => {
  expect(loadConfig({}).disclosureMinCell).toBe(10);
  expect(loadConfig({ DISCLOSURE_MIN_CELL: '1' }).disclosureMinCell).toBe(1);
  expect(loadConfig({ DISCLOSURE_MIN_CELL: '11' }).disclosureMinCell).toBe(11);
  expect(() => loadConfig({ DISCLOSURE_MIN_CELL: '0' })).toThrow(/DISCLOSURE_MIN_CELL="0".*whole number from 1/);
  expect(() => loadConfig({ DISCLOSURE_MIN_CELL: 'ten' })).toThrow(/DISCLOSURE_MIN_CELL="ten"/);
});

test('METRICS: on outside production, off in production, token when METRICS_TOKEN is set; a bad mode or a missing token is refused', () => {
  const key = 'k'.repeat(32);
  const token = 't'.repeat(32);
  expect(loadConfig({}).metrics).toEqual({ mode: 'on', token: undefined });
  expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: key, PSEUDONYM_KEY: key }).metrics).toEqual({ mode: 'off', token: undefined });
  expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: key, PSEUDONYM_KEY: key, METRICS: 'on' }).metrics.mode).toBe('on');
  expect(loadConfig({ METRICS_TOKEN: token }).metrics).toEqual({ mode: 'token', token });
  expect(loadConfig({ METRICS: 'TOKEN', METRICS_TOKEN: token }).metrics.mode).toBe('token');
  expect(() => loadConfig({ METRICS: 'sometimes' })).toThrow(/METRICS="sometimes".*off, on or token/);
  expect(() => loadConfig({ METRICS: 'token' })).toThrow(/METRICS_TOKEN="".*set when METRICS=token/);
  expect(() => loadConfig({ METRICS: 'on', METRICS_TOKEN: token })).toThrow(/METRICS="on".*token \(or unset\)/);
  // A short token is named by its length only, like every secret.
  expect(() => loadConfig({ METRICS: 'token', METRICS_TOKEN: 'hunter2' })).toThrow('METRICS_TOKEN="<7 bytes>" is invalid: expected at least 32 bytes');
});

test('GRAPHIQL: on outside production, off in production unless set; a bad value is refused', () => {
  const key = 'k'.repeat(32);
  const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: key, PSEUDONYM_KEY: key };
  expect(loadConfig({}).web.graphiql).toBe(true);
  expect(loadConfig({ NODE_ENV: 'test' }).web.graphiql).toBe(true);
  expect(loadConfig({ GRAPHIQL: 'false' }).web.graphiql).toBe(false);
  expect(loadConfig(production).web.graphiql).toBe(false);
  expect(loadConfig({ ...production, GRAPHIQL: 'true' }).web.graphiql).toBe(true);
  expect(() => loadConfig({ GRAPHIQL: 'maybe' })).toThrow(/GRAPHIQL="maybe".*true or false/);
  expect(loadConfig({}).web.distDir).toMatch(/web\/dist$/);
});

test('WARM_UP_PLANNER: on in production with the embedded Neo4j only, unless set; a bad value is refused', () => {
  const key = 'k'.repeat(32);
  const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: key, PSEUDONYM_KEY: key };
  expect(loadConfig(production).warmUpPlanner).toBe(true);
  expect(loadConfig({ ...production, NEO4J_URI: 'neo4j://db.example:7687' }).warmUpPlanner).toBe(false);
  expect(loadConfig({}).warmUpPlanner).toBe(false);
  expect(loadConfig({ WARM_UP_PLANNER: 'true' }).warmUpPlanner).toBe(true);
  expect(loadConfig({ ...production, WARM_UP_PLANNER: 'false' }).warmUpPlanner).toBe(false);
  expect(() => loadConfig({ WARM_UP_PLANNER: 'soon' })).toThrow(/WARM_UP_PLANNER="soon".*true or false/);
});

test('DEV_TOKENS: on in development only; refused in production and beside an identity provider', () => {
  const key = 'k'.repeat(32);
  const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: key, PSEUDONYM_KEY: key };
  expect(loadConfig({}).web.devTokens).toBe(true);
  expect(loadConfig({ NODE_ENV: 'test' }).web.devTokens).toBe(false);
  expect(loadConfig({ DEV_TOKENS: 'false' }).web.devTokens).toBe(false);
  expect(loadConfig({ NODE_ENV: 'test', DEV_TOKENS: 'true' }).web.devTokens).toBe(true);
  // Production: off by default, and impossible to turn on, whatever spelling of "true".
  expect(loadConfig(production).web.devTokens).toBe(false);
  expect(loadConfig({ ...production, DEV_TOKENS: 'false' }).web.devTokens).toBe(false);
  for (const on of ['true', '1', 'yes', 'ON']) {
    expect(() => loadConfig({ ...production, DEV_TOKENS: on })).toThrow(/DEV_TOKENS=.*false \(or unset\) in production/);
  }
  // With an identity provider, tokens come from it: off by default, refused when asked for.
  expect(loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks' }).web.devTokens).toBe(false);
  expect(() => loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks', DEV_TOKENS: 'true' })).toThrow(/DEV_TOKENS=.*AUTH_JWKS_URL/);
});

test('traces are off unless an OTLP endpoint is configured', () => {
  expect(loadConfig({}).tracing).toEqual({ tracesUrl: undefined, serviceName: 'breach-impact' });
  expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '' }).tracing.tracesUrl).toBeUndefined();
});

test('the OTLP endpoint: the general one gets /v1/traces appended, the traces one is used as given and wins', () => {
  expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.tracesUrl).toBe('http://collector:4318/v1/traces');
  expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example/base/' }).tracing.tracesUrl).toBe('https://otel.example/base/v1/traces');
  expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9999/custom' }).tracing.tracesUrl).toBe('http://127.0.0.1:9999/custom');
  const both = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/v1/traces', OTEL_SERVICE_NAME: 'bi-eu' });
  expect(both.tracing).toEqual({ tracesUrl: 'http://b:4318/v1/traces', serviceName: 'bi-eu' });
  // The specification's switch turns everything off, endpoint or not.
  expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'true' }).tracing.tracesUrl).toBeUndefined();
});

test.each([
  ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318', /OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318".*http:\/\/ or https:\/\/ address/],
  ['OTEL_EXPORTER_OTLP_ENDPOINT', 'grpc://collector:4317', /OTEL_EXPORTER_OTLP_ENDPOINT="grpc:\/\/collector:4317"/],
  ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'http//missing-colon', /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http\/\/missing-colon".*OTLP\/HTTP collector/],
  ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'http://', /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http:\/\/"/],
  ['OTEL_SDK_DISABLED', 'perhaps', /OTEL_SDK_DISABLED="perhaps".*true or false/],
])('%s=%s is refused with CONFIG_INVALID naming it', (name, value, message) => {
  expect(() => loadConfig({ [name]: value })).toThrow(message);
  expect(() => loadConfig({ [name]: value })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
});

test('WARM_UP_PAGE_CACHE: on unless set to false; a bad value is refused, showing it', () => {
  expect(loadConfig({}).neo4j.embedded.warmPageCache).toBe(true);
  const key = 'k'.repeat(32);
  expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: key, PSEUDONYM_KEY: key }).neo4j.embedded.warmPageCache).toBe(true);
  expect(loadConfig({ WARM_UP_PAGE_CACHE: 'false' }).neo4j.embedded.warmPageCache).toBe(false);
  expect(() => loadConfig({ WARM_UP_PAGE_CACHE: 'sometimes' })).toThrow(/WARM_UP_PAGE_CACHE="sometimes".*true or false/);
});

test('every variable the configuration reads is in README’s Configuration table', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  // The first cell of each row names one or more variables, each in backquotes.
  const documented = new Set(table.split('\n').filter((l) => l.startsWith('| `')).flatMap((l) => [...l.split('|')[1].matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1])));
  expect(CONFIG_VARIABLES.length).toBeGreaterThan(30);
  expect(CONFIG_VARIABLES.filter((v) => !documented.has(v))).toEqual([]);
});
