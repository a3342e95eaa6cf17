import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TokenClaims } from '../../auth/mint-token';
import { isRole, Role } from '../../auth/principal';
import { httpStatus, HttpErrorCode } from '../../errors/codes';
import { isAppError } from '../../errors/app-error';
import { createRequestContext, RequestContext, Services } from '../context';

/** Where the dashboard is served. */
export const DASHBOARD_PATH = '/dashboard';
/** Where the bundled explorer is served (when `web.graphiql` is on). */
export const GRAPHIQL_PATH = '/graphiql';
/** The prefix of the bundle's assets (Vite's `base`, web/vite.config.ts). */
export const WEB_ASSETS_PREFIX = '/web/';
/** The development token endpoint (only with `web.devTokens` and a minter; never in production). */
export const DEV_TOKEN_PATH = '/dev/token';

/**
 * The Content-Security-Policy of every page and asset of the bundle: everything from this origin,
 * nothing from any other (no CDN, no font service, no analytics). Inline styles are allowed
 * because GraphiQL, Monaco and ECharts set element styles; no inline or foreign script is.
 * Workers (Monaco's) come from this origin too.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Mints a local development token (see mint-token.ts). */
export type DevTokenMinter = (claims: TokenClaims) => Promise<string>;

/** What the web routes need. */
export interface WebOptions {
  /** The built bundle (`web/dist`). */
  distDir: string;
  /** Serve `/graphiql`. */
  graphiql: boolean;
  /** NODE_ENV=production: the dev endpoint is never registered then, whatever else says so. */
  production: boolean;
  /** Serve `/dev/token` with this minter (development only); undefined: no such route. */
  mintDevToken: DevTokenMinter | undefined;
}

/** Sends a GraphQL-shaped error with its catalogue status (http-server.ts's sendError). */
export type ErrorSender = (reply: FastifyReply, code: HttpErrorCode, message: string) => FastifyReply;

/** The insurers of the graph, for the development role picker (read as an ANALYST would). */
const INSURERS_OPERATION = 'query DevTokenInsurers { organizations(role: INSURER) { id name } }';

/** Security headers of every bundle answer. */
function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', WEB_CSP)
    .header('x-content-type-options', 'nosniff')
    // Source links open other sites: they learn nothing of the dashboard's address.
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin');
}

/** The page shown instead of the dashboard when the bundle is not built: how to build it. */
function notBuiltPage(distDir: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Web front end not built</title>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>The web front end is not built</h1>
<p>No bundle in <code>${distDir.replace(/[<>&]/g, '')}</code>. Build it with</p>
<pre>npm run build:web</pre>
<p>(<code>npm start</code> builds it before serving), then reload this page.</p>
<p>The GraphQL API itself is at <a href="/graphql">/graphql</a>.</p></body></html>`;
}

/**
 * Registers the web front end on the Fastify app:
 * - `/dashboard`: the dashboard page; `/graphiql`: the explorer page, only when `graphiql` is on
 *   (otherwise 404 NOT_FOUND saying how to turn it on);
 * - `/web/*`: the bundle's assets, served by @fastify/static from `distDir` (hashed names,
 *   cached for a year);
 * - `/dev/token` (development only): GET lists the roles and insurers the picker offers, POST
 *   `{ role, org? }` answers `{ token }`. Never registered with `production`, whatever the caller
 *   passes (config validation already refuses DEV_TOKENS in production).
 * Every page and asset carries {@link WEB_CSP}. When `distDir` holds no build, the pages answer
 * 404 NOT_FOUND with a page saying `npm run build:web`.
 */
export function registerWebRoutes(
  fastify: FastifyInstance,
  options: WebOptions,
  services: Services,
  apollo: ApolloServer<RequestContext>,
  sendError: ErrorSender,
): void {
  const built = (page: string) => fs.existsSync(path.join(options.distDir, page, 'index.html'));
  if (fs.existsSync(options.distDir)) {
    fastify.register(fastifyStatic, {
      root: options.distDir,
      prefix: WEB_ASSETS_PREFIX,
      index: false,
      // Asset names carry their content hash: a new build has new names.
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => {
        res.header('content-security-policy', WEB_CSP);
        res.header('x-content-type-options', 'nosniff');
        res.header('referrer-policy', 'no-referrer');
      },
    });
  }

  const page = (name: 'dashboard' | 'graphiql') => async (_request: unknown, reply: FastifyReply) => {
    secure(reply).header('cache-control', 'no-cache');
    if (!built(name)) return reply.code(httpStatus('NOT_FOUND')).type('text/html; charset=utf-8').send(notBuiltPage(options.distDir));
    return reply.type('text/html; charset=utf-8').send(fs.createReadStream(path.join(options.distDir, name, 'index.html')));
  };

  fastify.get(DASHBOARD_PATH, page('dashboard'));
  fastify.get(`${DASHBOARD_PATH}/`, page('dashboard'));
  if (options.graphiql) {
    fastify.get(GRAPHIQL_PATH, page('graphiql'));
    fastify.get(`${GRAPHIQL_PATH}/`, page('graphiql'));
  } else {
    fastify.all(GRAPHIQL_PATH, async (_request, reply) => sendError(reply, 'NOT_FOUND', 'The explorer is off (GRAPHIQL=false, the default in production); set GRAPHIQL=true to serve it.'));
  }

  const mint = options.mintDevToken;
  if (mint && !options.production) {
    fastify.get(DEV_TOKEN_PATH, async (_request, reply) => {
      const context = createRequestContext(services, { kind: 'user', subject: 'dev-token-picker', role: 'ANALYST', orgId: null });
      const response = await apollo.executeOperation<{ organizations: Array<{ id: string; name: string }> }>({ query: INSURERS_OPERATION }, { contextValue: context });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      const insurers = result?.data?.organizations ?? [];
      return reply
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ roles: Object.keys(Role), insurers: [...insurers].sort((a, b) => a.name.localeCompare(b.name)) }));
    });
    fastify.post(DEV_TOKEN_PATH, async (request, reply) => {
      let body: { role?: unknown; org?: unknown };
      try {
        body = JSON.parse(typeof request.body === 'string' ? request.body : '');
      } catch {
        return sendError(reply, 'BAD_USER_INPUT', 'Request body is not valid JSON: send { "role": "REGULATOR" } or { "role": "INSURER", "org": "org-…" }.');
      }
      const role = typeof body?.role === 'string' ? body.role.toUpperCase() : '';
      if (!isRole(role)) return sendError(reply, 'BAD_USER_INPUT', `role must be one of ${Object.keys(Role).join(', ')}.`);
      const org = typeof body.org === 'string' && body.org !== '' ? body.org : undefined;
      if (role === 'INSURER' && !org) return sendError(reply, 'BAD_USER_INPUT', 'org (an insurer id such as org-alan) is required with role INSURER.');
      try {
        const token = await mint({ role, org, subject: `dev-${role.toLowerCase()}${org ? `-${org}` : ''}` });
        return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify({ token }));
      } catch (e) {
        if (isAppError(e) && e.code === 'BAD_USER_INPUT') return sendError(reply, 'BAD_USER_INPUT', e.message);
        throw e;
      }
    });
  }
}
