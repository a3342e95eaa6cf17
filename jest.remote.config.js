/**
 * The remote suite (issue #14 §4), `npm run test:remote`: the end-to-end tests, which go through
 * the API (HTTP, or Apollo with the real schema, resolvers and auth) to the database, run against
 * a Neo4j that is a separate process reached over neo4j:// with authentication on
 * (test/remote/with-neo4j.sh starts it; test/remote/global-setup.ts seeds it through NEO4J_URI).
 * Only files that use the shared database: none that starts a store of its own, bulk-loads or
 * reads store paths, which a cluster or Aura would not allow.
 */
const base = require('./jest.config.js');
const integration = base.projects.find((p) => p.displayName === 'integration');
const E2E = [
  'http',
  'auth',
  'graphql-http-audit',
  'examples',
  'questions',
  'tenant-isolation',
  'mailing-export',
  'neo4j-connect',
];
module.exports = {
  testTimeout: base.testTimeout,
  maxWorkers: base.maxWorkers,
  // Labelled, so that CI's log tells this closing line from the main suite's.
  reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'remote' }]],
  projects: [
    {
      ...integration,
      displayName: 'remote',
      testMatch: E2E.map((name) => `<rootDir>/test/${name}.test.ts`),
      globalSetup: '<rootDir>/test/remote/global-setup.ts',
      // Nothing to stop: the server belongs to whoever started it.
      globalTeardown: undefined,
    },
  ],
};
