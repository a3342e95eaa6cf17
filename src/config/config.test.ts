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

test('DISCLOSURE_MIN_CELL: default 10, 1 turns disclosure control off, 0 and words are refused', () => {
  expect(loadConfig({}).disclosureMinCell).toBe(10);
  expect(loadConfig({ DISCLOSURE_MIN_CELL: '1' }).disclosureMinCell).toBe(1);
  expect(loadConfig({ DISCLOSURE_MIN_CELL: '11' }).disclosureMinCell).toBe(11);
  expect(() => loadConfig({ DISCLOSURE_MIN_CELL: '0' })).toThrow(/DISCLOSURE_MIN_CELL="0".*whole number from 1/);
  expect(() => loadConfig({ DISCLOSURE_MIN_CELL: 'ten' })).toThrow(/DISCLOSURE_MIN_CELL="ten"/);
});
