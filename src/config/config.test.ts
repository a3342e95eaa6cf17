import { loadConfig } from './config';

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
