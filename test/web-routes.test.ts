import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../src/api/context';
import { buildHttpServer, createApollo, WEB_CSP } from '../src/api/server/app';
import { mintToken } from '../src/auth/mint-token';
import { createTokenVerifier } from '../src/auth/verify-token';
import { TEST_JWT_SECRET, testAuthConfig, testExecutor, testLogger, testServices } from './harness';

/**
 * The web routes' switches, without a browser: /graphiql on or off, /dev/token only in
 * development (never in production, whatever is passed), the page a missing bundle gets, and the
 * CSP of every page.
 */

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const verifier = createTokenVerifier(testAuthConfig, { jwtSecret: secret });
const minter = { mintDevToken: (claims: any) => mintToken(testAuthConfig, secret, claims) };
let executor: ReturnType<typeof testExecutor>;
let apollo: ApolloServer<RequestContext>;
let built: string;
let empty: string;
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  executor = testExecutor();
  apollo = await createApollo({ production: false }, testLogger);
  // A stand-in bundle (the routes serve whatever web/dist holds), and a folder with none.
  built = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-web-'));
  for (const p of ['dashboard', 'graphiql']) {
    fs.mkdirSync(path.join(built, p));
    fs.writeFileSync(path.join(built, p, 'index.html'), `<!doctype html><title>${p}</title>`);
  }
  fs.mkdirSync(path.join(built, 'assets'));
  fs.writeFileSync(path.join(built, 'assets', 'a-123.js'), 'console.log(1)');
  empty = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-web-empty-'));
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await apollo.stop();
  await executor.close();
  fs.rmSync(built, { recursive: true, force: true });
  fs.rmSync(empty, { recursive: true, force: true });
});

/** A real HTTP request to a listening server (Fastify's inject pulls an ES-module-only cookie parser into jest). */
interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json(): any;
}

/** A server over the routes, listening on a free port, with a small `inject` doing real HTTP. */
async function server(web: { graphiql: boolean; devTokens: boolean; distDir?: string }, production: boolean) {
  const s = buildHttpServer({ maxBodyBytes: 10_000, production, web: { distDir: built, ...web } }, testServices(executor), verifier, apollo, minter);
  servers.push(s);
  await s.listen({ port: 0, host: '127.0.0.1' });
  const address = s.server.address() as { port: number };
  return {
    async inject(request: { method: string; url: string; headers?: Record<string, string>; payload?: string }): Promise<Answer> {
      const r = await fetch(`http://127.0.0.1:${address.port}${request.url}`, { method: request.method, headers: request.headers, body: request.payload, redirect: 'manual' });
      const body = await r.text();
      return { statusCode: r.status, headers: Object.fromEntries(r.headers.entries()), body, json: () => JSON.parse(body) };
    },
  };
}

test('development: /dashboard and /graphiql served with a CSP that forbids other origins; /dev/token mints a token the API accepts', async () => {
  const s = await server({ graphiql: true, devTokens: true }, false);
  for (const url of ['/dashboard', '/graphiql', '/web/assets/a-123.js']) {
    const r = await s.inject({ method: 'GET', url });
    expect({ url, status: r.statusCode }).toEqual({ url, status: 200 });
    expect(r.headers['content-security-policy']).toBe(WEB_CSP);
  }
  expect(WEB_CSP).toContain("default-src 'self'");
  expect(WEB_CSP).not.toMatch(/https?:|\*/);
  const offer = await s.inject({ method: 'GET', url: '/dev/token' });
  expect(offer.json().roles).toEqual(expect.arrayContaining(['REGULATOR', 'ANALYST', 'INSURER']));
  expect(offer.json().insurers).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'org-la-mutuelle-generale' })]));
  const minted = await s.inject({ method: 'POST', url: '/dev/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ role: 'INSURER', org: 'org-alan' }) });
  expect(minted.statusCode).toBe(200);
  expect(await verifier(`Bearer ${minted.json().token}`)).toMatchObject({ role: 'INSURER', orgId: 'org-alan' });
  const refused = await s.inject({ method: 'POST', url: '/dev/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ role: 'INSURER' }) });
  expect(refused.statusCode).toBe(400);
  expect(refused.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
});

test('production: no /dev/token even when a minter and devTokens are passed; /graphiql off unless configured', async () => {
  const off = await server({ graphiql: false, devTokens: true }, true);
  for (const method of ['GET', 'POST'] as const) {
    const r = await off.inject({ method, url: '/dev/token', headers: { 'content-type': 'application/json' }, payload: method === 'POST' ? '{"role":"ADMIN"}' : undefined });
    expect({ method, status: r.statusCode, code: r.json().errors[0].extensions.code }).toEqual({ method, status: 404, code: 'NOT_FOUND' });
  }
  const explorer = await off.inject({ method: 'GET', url: '/graphiql' });
  expect(explorer.statusCode).toBe(404);
  expect(explorer.json().errors[0].message).toMatch(/GRAPHIQL=true/);
  expect((await off.inject({ method: 'GET', url: '/dashboard' })).statusCode).toBe(200);
  const on = await server({ graphiql: true, devTokens: false }, true);
  expect((await on.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(200);
  expect((await on.inject({ method: 'GET', url: '/dev/token' })).statusCode).toBe(404);
});

test('development with devTokens off: no /dev/token', async () => {
  const s = await server({ graphiql: true, devTokens: false }, false);
  expect((await s.inject({ method: 'GET', url: '/dev/token' })).statusCode).toBe(404);
});

test('an unbuilt bundle: the pages say how to build it', async () => {
  const s = await server({ graphiql: true, devTokens: false, distDir: empty }, false);
  for (const url of ['/dashboard', '/graphiql']) {
    const r = await s.inject({ method: 'GET', url });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain('npm run build:web');
  }
});
