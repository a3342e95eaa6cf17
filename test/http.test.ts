import { loadConfig } from '../src/config/config';
import { App, startApp } from '../src/api/server/app';
import { createTokenVerifier } from '../src/auth/verify-token';
import { TEST_JWT_SECRET, testAuthConfig, testExecutor, testServices } from './harness';
import type { Executor } from '../src/db/executor';

/** The HTTP surface: /graphql, /health, body limits and request errors with stable codes. */
let app: App;
let executor: Executor;
beforeAll(async () => {
  executor = testExecutor();
  app = await startApp({ ...loadConfig({}), port: 0, maxBodyBytes: 10_000 }, testServices(executor), createTokenVerifier(testAuthConfig, { jwtSecret: new TextEncoder().encode(TEST_JWT_SECRET) }));
});
afterAll(async () => {
  await app.close();
  await executor.close();
});

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${app.url}/graphql`, { method: 'POST', headers, body });

test('health reports Neo4j up', async () => {
  const res = await fetch(`${app.url}/health`);
  expect(res.status).toBe(200);
  expect((await res.json()) as any).toEqual({ status: 'ok', neo4j: 'up' });
});

test('a query over HTTP', async () => {
  const res = await post(JSON.stringify({ query: '{ breaches { id } }' }));
  expect(res.status).toBe(200);
  expect(((await res.json()) as any).data.breaches).toHaveLength(2);
});

test('Apollo Sandbox landing page in development', async () => {
  const res = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/sandbox/i);
});

test('a body over the limit is refused with 413 and BAD_USER_INPUT', async () => {
  const res = await post(JSON.stringify({ query: `{ breaches { id } } # ${'x'.repeat(20_000)}` }));
  expect(res.status).toBe(413);
  expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
});

test('a body that is not JSON is refused with 400 and BAD_USER_INPUT', async () => {
  const res = await post('{"query": ');
  expect(res.status).toBe(400);
  expect(((await res.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/JSON/) });
});

test('an unknown route is 404 with NOT_FOUND', async () => {
  const res = await fetch(`${app.url}/nope`);
  expect(res.status).toBe(404);
  expect(((await res.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
});

test('a GET query without a preflight-forcing header is blocked (CSRF prevention)', async () => {
  const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ breaches { id } }')}`);
  expect(res.status).toBe(400);
});
