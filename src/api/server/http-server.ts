import type http from 'node:http';
import crypto from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tenantOf } from '../../auth/principal';
import type { TokenVerifier } from '../../auth/verify-token';
import type { Config } from '../../config/config';
import { failingRequest, isAppError } from '../../errors/app-error';
import { httpStatus, HttpErrorCode } from '../../errors/codes';
import { createRequestContext, RequestContext, Services } from '../context';
import { checkReadiness } from '../../domain/health/readiness';
import { registerAffectedContractsExport } from '../export/affected-contracts-export.route';
import { createApollo } from './apollo';
import { ApiMetrics, createMetrics } from './metrics';
import { linkRecord, operationLabel, recordOf, requestIdOf } from './request-record';
import { DevTokenMinter, registerWebRoutes } from './web-routes';

/** A running API: the HTTP server, its Apollo instance, and a way to stop both. */
export interface App {
  /** The Node HTTP server under Fastify (`fastify.server`). */
  server: http.Server;
  /** The Fastify instance serving the routes. */
  fastify: FastifyInstance;
  apollo: ApolloServer<RequestContext>;
  /** http://host:port of the listening server. */
  url: string;
  /**
   * Stops the API gracefully: refuses new connections at once, lets requests in flight finish
   * for up to `config.shutdownGraceMs`, then cuts what is left; stops Apollo last.
   */
  close(): Promise<void>;
}

/** Options of the HTTP server beyond its configuration. */
export interface HttpOptions {
  /**
   * Mints local tokens for `/dev/token` (the dashboard's development role picker); only passed
   * by main.ts when `config.web.devTokens` is on, and never registered in production.
   */
  mintDevToken?: DevTokenMinter;
}

/** The path of the GraphQL endpoint. */
export const GRAPHQL_PATH = '/graphql';

/** Thrown by the /graphql route when a JSON body does not parse (400 BAD_USER_INPUT). */
class BodyNotJson extends Error {}

/** A GraphQL-style error answer `{ errors: [{ message, extensions: { code } }] }` with the code's catalogue status. */
function sendError(reply: FastifyReply, code: HttpErrorCode, message: string, status = httpStatus(code)): FastifyReply {
  recordOf(reply.request).errorCode ??= code;
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The response header carrying the request id (the caller's sane one, or a generated one). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The path of the metrics endpoint (absent when METRICS=off). */
export const METRICS_PATH = '/metrics';

/** Routes probed or scraped every few seconds: their successes are logged at debug level only. */
const QUIET_ROUTES = new Set(['/health', '/health/live', '/health/ready', METRICS_PATH]);

/** A JSON answer with a status. */
function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** True when `header` is `Bearer <token>`, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The path of a request, without its query string. */
function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0];
}

/**
 * Builds the Fastify app over a started Apollo Server, without listening:
 * - `/graphql`: Apollo (Sandbox in development); each request's principal comes from its bearer
 *   token, verified by `verifyToken`; a bad token fails the whole request (401 UNAUTHENTICATED);
 * - `/health`: Neo4j reachability (503 SERVICE_UNAVAILABLE when down);
 * - `/health/live`: 200 while the process serves HTTP;
 * - `/health/ready`: 200 when Neo4j answers, the schema is applied, the seeds are loaded and every
 *   breach's summary is current (see `checkReadiness`), else 503 SERVICE_UNAVAILABLE naming the
 *   failed check;
 * - `/metrics`: Prometheus metrics (see `createMetrics`), absent with `metrics.mode` off, behind
 *   a bearer token with `token`;
 * - `/export/affected-contracts`: the mailing export of an INSURER token's affected contracts
 *   (see `registerAffectedContractsExport`);
 * - `/dashboard`, `/graphiql`, `/web/*` (and `/dev/token` in development), when `config.web` is
 *   given: the web front end built in `web/dist` (see `registerWebRoutes`);
 * - `/`: a redirect to `/graphql`; any other path: 404 NOT_FOUND.
 * A body over `config.maxBodyBytes` is 413 BAD_USER_INPUT, a JSON body that does not parse is 400
 * BAD_USER_INPUT, anything unexpected is 500 INTERNAL (logged, masked). Every error answer is
 * GraphQL-shaped, with a status from the error catalogue.
 *
 * Every request gets an id (a sane incoming `x-request-id`, else a UUID), echoed in the
 * `x-request-id` header, and one log line when answered: id, route, status, GraphQL operation
 * name, role, tenant, duration, Cypher statements, outcome and error code, never an argument
 * value, a header or a token (see `RequestRecord`). `config.metrics` defaults to off.
 */
export function buildHttpServer(
  config: Pick<Config, 'maxBodyBytes'> & Partial<Pick<Config, 'metrics' | 'web' | 'production'>>,
  services: Services,
  verifyToken: TokenVerifier,
  apollo: ApolloServer<RequestContext>,
  options: HttpOptions = {},
): FastifyInstance {
  const { executor, logger } = services;
  const metricsConfig = config.metrics ?? { mode: 'off', token: undefined };
  const metrics: ApiMetrics | undefined = metricsConfig.mode === 'off' ? undefined : createMetrics(executor);
  const fastify = Fastify({
    // Our own id rule (requestIdOf), not Fastify's, which would echo any header value.
    requestIdHeader: false,
    genReqId: (request) => requestIdOf(request.headers[REQUEST_ID_HEADER]),
    bodyLimit: config.maxBodyBytes,
    // Errors are logged by the error handler below, with the API's own logger; Fastify's
    // per-request log lines would only repeat what a reverse proxy logs.
    logger: false,
    // Node's own defaults, which the API had before Fastify (Fastify would turn the request
    // timeout off and keep idle sockets 72 s): a slow client cannot hold a socket forever.
    requestTimeout: 300_000,
    keepAliveTimeout: 5_000,
    // Stopping the API drops idle keep-alive sockets at once, instead of waiting for them to
    // time out, but lets requests in flight finish: startApp's close() cuts those only after
    // the shutdown grace (SHUTDOWN_GRACE_MS).
    forceCloseConnections: 'idle',
    // `/graphql`, `/health` and `/` answer every method themselves (Apollo answers 405 for the
    // methods it does not serve), as they did before; an automatic HEAD route would clash.
    exposeHeadRoutes: false,
    // A URL Fastify cannot decode names no route.
    frameworkErrors: (error, request, reply) => {
      if (error.code === 'FST_ERR_BAD_URL') sendError(reply, 'NOT_FOUND', `No route ${pathOf(request)}; the API is at ${GRAPHQL_PATH}.`);
      else sendError(reply, 'BAD_USER_INPUT', 'The request could not be routed.');
    },
  });

  // One parser for every content type: the body is read as text up to the limit, and decoded as
  // JSON on /graphql only (see preValidation). Apollo, not the parser, decides which content types
  // it serves (CSRF prevention, application/json), so a refused type is a 400 BAD_USER_INPUT from
  // Apollo, as before, never Fastify's 415.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 'BAD_USER_INPUT', `Request body larger than ${config.maxBodyBytes} bytes.`, httpStatus('BAD_USER_INPUT', 'bodyTooLarge'));
    }
    if (error instanceof BodyNotJson) return sendError(reply, 'BAD_USER_INPUT', 'Request body is not valid JSON.');
    // Only a Content-Type header that does not parse at all gets here: the parser takes any type.
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 'BAD_USER_INPUT', 'Request Content-Type is malformed; send application/json.');
    // Fastify's own refusals of a malformed request (a content length that does not match the
    // body, an aborted upload…) are the client's fault; their messages describe the request only.
    if (typeof error.code === 'string' && error.code.startsWith('FST_') && (error.statusCode ?? 500) < 500) {
      return sendError(reply, 'BAD_USER_INPUT', error.message);
    }
    logger.error({ err: error, path: pathOf(request) }, 'http handler failed');
    return sendError(reply, 'INTERNAL', 'An internal error occurred.');
  });

  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });

  // Once the API is stopping, an answer to a request that was in flight closes its connection:
  // a keep-alive socket left open would hold the shutdown until the client or the keep-alive
  // timeout let go of it.
  let stopping = false;
  fastify.addHook('preClose', async () => {
    stopping = true;
  });
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (stopping) reply.header('connection', 'close');
    return payload;
  });

  fastify.addHook('onResponse', async (request, reply) => {
    const record = recordOf(request);
    const route = request.routeOptions.url ?? null;
    const graphql = route === GRAPHQL_PATH;
    const status = reply.statusCode;
    // Apollo refuses some requests before any hook of ours sees them (CSRF, a method it does not
    // serve): their status still says they failed.
    const errorCode = record.errorCode ?? (status >= 400 ? `HTTP_${status}` : null);
    const principal = record.principal;
    const role = principal === null ? 'NONE' : principal.kind === 'user' ? principal.role : 'ANONYMOUS';
    const body = request.body as { operationName?: unknown } | undefined;
    // The resolved name when Apollo got that far, else the name the body asked for (a 401).
    const operation = graphql ? operationLabel(record.operation ?? (body && typeof body === 'object' ? body.operationName : null)) : null;
    const durationMs = Math.round(reply.elapsedTime);
    const statements = record.roundTrips?.roundTrips ?? 0;
    const line = {
      reqId: request.id,
      method: request.method,
      // The route pattern, not the URL: a path or query string is the caller's free text.
      route,
      status,
      operation,
      role,
      tenant: principal ? tenantOf(principal) : null,
      durationMs,
      statements,
      outcome: errorCode ?? 'ok',
      errorCode,
    };
    if (route !== null && QUIET_ROUTES.has(route) && status < 400) logger.debug(line, 'request');
    else logger.info(line, 'request');
    if (graphql && operation !== null) metrics?.observeGraphql({ operation, role, outcome: line.outcome, durationSeconds: reply.elapsedTime / 1000, statements });
  });

  fastify.setNotFoundHandler((request, reply) => sendError(reply, 'NOT_FOUND', `No route ${pathOf(request)}; the API is at ${GRAPHQL_PATH}.`));

  fastify.all('/health', async (request, reply) => {
    const up = await executor.isReachable();
    if (up) return reply.type('application/json; charset=utf-8').send(JSON.stringify({ status: 'ok', neo4j: 'up' }));
    recordOf(request).errorCode = 'SERVICE_UNAVAILABLE';
    return reply
      .code(httpStatus('SERVICE_UNAVAILABLE'))
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ status: 'unavailable', neo4j: 'down', code: 'SERVICE_UNAVAILABLE' }));
  });

  fastify.all('/health/live', async (_request, reply) => sendJson(reply, 200, { status: 'ok' }));

  fastify.all('/health/ready', async (request, reply) => {
    const readiness = await checkReadiness(executor);
    if (readiness.ready) return sendJson(reply, 200, { status: 'ready', checks: readiness.checks });
    recordOf(request).errorCode = 'SERVICE_UNAVAILABLE';
    return sendJson(reply, httpStatus('SERVICE_UNAVAILABLE'), {
      status: 'unavailable',
      code: 'SERVICE_UNAVAILABLE',
      failed: readiness.failed,
      message: readiness.reason,
      checks: readiness.checks,
    });
  });

  if (metrics) {
    fastify.all(METRICS_PATH, async (request, reply) => {
      if (metricsConfig.mode === 'token' && !bearerMatches(request.headers.authorization, metricsConfig.token ?? '')) {
        reply.header('www-authenticate', 'Bearer');
        return sendError(reply, 'UNAUTHENTICATED', 'Metrics need the bearer token METRICS_TOKEN.');
      }
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
    fastify.addHook('onClose', async () => {
      metrics.close();
      metrics.registry.clear();
    });
  }

  fastify.all('/', async (_request, reply) => reply.redirect(GRAPHQL_PATH));

  // The mailing export: a streamed CSV / JSON lines of an insurer's affected contracts (issue #13).
  registerAffectedContractsExport(fastify, { services, verifyToken, sendError: (reply, code, message) => sendError(reply, code, message) });
  if (config.web) {
    registerWebRoutes(
      fastify,
      { ...config.web, production: config.production ?? true, mintDevToken: config.web.devTokens ? options.mintDevToken : undefined },
      services,
      apollo,
      sendError,
    );
  }

  // The integration's handler answers with Apollo's serialised body: a string reply.
  fastify.route<{ Reply: string }>({
    method: fastify.supportedMethods,
    url: GRAPHQL_PATH,
    // Only a POST carries an operation in its body, and only a body whose content type says JSON
    // is decoded; anything else reaches Apollo as text, which refuses it with BAD_USER_INPUT.
    preValidation: async (request) => {
      if (request.method !== 'POST') {
        request.body = undefined;
        return;
      }
      const raw = typeof request.body === 'string' ? request.body : '';
      if (raw.length > 0 && /json/i.test(request.headers['content-type'] ?? '')) {
        try {
          request.body = JSON.parse(raw);
        } catch {
          throw new BodyNotJson();
        }
      } else {
        request.body = raw;
      }
    },
    handler: fastifyApolloHandler(apollo, {
      // A bad token fails the whole request (401, UNAUTHENTICATED); no token is anonymous.
      context: async (request) => {
        const record = recordOf(request);
        let principal;
        try {
          principal = await verifyToken(request.headers.authorization);
        } catch (e) {
          record.errorCode = isAppError(e) ? e.code : 'INTERNAL';
          throw isAppError(e) ? failingRequest(e) : e;
        }
        record.principal = principal;
        const context = createRequestContext(services, principal);
        record.roundTrips = context.roundTrips;
        linkRecord(context, record);
        return context;
      },
    }),
  });

  return fastify;
}

/**
 * Starts the API: Apollo (see `createApollo`) behind the Fastify app of {@link buildHttpServer}
 * (with `options`), listening on `config.host`:`config.port` (port 0 picks a free one).
 */
export async function startApp(config: Config, services: Services, verifyToken: TokenVerifier, options: HttpOptions = {}): Promise<App> {
  const apollo = await createApollo(config, services.logger);
  const fastify = buildHttpServer(config, services, verifyToken, apollo, options);
  try {
    await fastify.listen({ port: config.port, host: config.host });
  } catch (e) {
    await apollo.stop();
    throw e;
  }
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    server: fastify.server,
    fastify,
    apollo,
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    async close() {
      // fastify.close() refuses new connections and waits for the requests in flight; past the
      // grace, their sockets are cut so a stuck client cannot hold the shutdown forever.
      const cut = setTimeout(() => fastify.server.closeAllConnections(), config.shutdownGraceMs);
      try {
        await fastify.close();
      } finally {
        clearTimeout(cut);
      }
      await apollo.stop();
    },
  };
}
