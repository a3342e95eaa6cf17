import http from 'node:http';
import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import type { TokenVerifier } from '../../auth/verify-token';
import type { Config } from '../../config/config';
import { createSchema } from '../build-schema';
import { createRequestContext, RequestContext, Services } from '../context';
import { createErrorFormatter } from '../format-error';
import { MAX_TOKENS, QUERY_LIMITS } from '../query-limits';

/** A running API: the HTTP server, its Apollo instance, and a way to stop both. */
export interface App {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** http://host:port of the listening server. */
  url: string;
  close(): Promise<void>;
}

/** Creates and starts the Apollo Server over the schema (no HTTP), with the query limits. */
export async function createApollo(config: Pick<Config, 'production'> & Partial<Pick<Config, 'roundTripsHeader'>>, logger: Logger): Promise<ApolloServer<RequestContext>> {
  const armor = new ApolloArmor({
    ...QUERY_LIMITS,
    // Suggestions ("Did you mean …?") help a developer in Sandbox and map the schema for an attacker.
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  const apollo = new ApolloServer<RequestContext>({
    schema: await createSchema(),
    introspection: !config.production,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM: it must stop HTTP, then the driver, then the embedded Neo4j.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      ...armor.plugins,
      // Answers are per caller and audited, never cached by a CDN; Apollo's default cache-control
      // plugin would still wrap every field resolver (a measured share of each nested answer).
      ApolloServerPluginCacheControlDisabled(),
      config.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      // Each answer may say how many Cypher statements it cost, so a developer (and the
      // benchmark) can see an N+1 from the client side; by default production keeps that private.
      ...((config.roundTripsHeader ?? !config.production) ? [roundTripHeader] : []),
    ],
  });
  await apollo.start();
  return apollo;
}

/** Sets `x-cypher-round-trips` on every answer (when configured, see createApollo). */
const roundTripHeader: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        response.http.headers.set(ROUND_TRIPS_HEADER, String(contextValue.roundTrips.roundTrips));
      },
    };
  },
};

/** Response header carrying the Cypher round trips of a request (ROUND_TRIPS_HEADER). */
export const ROUND_TRIPS_HEADER = 'x-cypher-round-trips';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function requestError(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
}

/** Reads a request body up to `limit` bytes; resolves null when it is larger. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining but stop buffering: answering 413 needs the request read to its end.
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts the HTTP server: `/graphql` (Apollo, with Sandbox in development), `/health` (Neo4j
 * reachability, 503 when down) and a redirect from `/` to `/graphql`. Each request's principal
 * comes from its bearer token, verified by `verifyToken`.
 */
export async function startApp(config: Config, services: Services, verifyToken: TokenVerifier): Promise<App> {
  const { executor, logger } = services;
  const apollo = await createApollo(config, logger);
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err) => {
      logger.error({ err }, 'http handler failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'An internal error occurred.', extensions: { code: 'INTERNAL' } }] });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      const up = await executor.isReachable();
      sendJson(res, up ? 200 : 503, up ? { status: 'ok', neo4j: 'up' } : { status: 'unavailable', neo4j: 'down', code: 'SERVICE_UNAVAILABLE' });
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
      return;
    }
    if (url.pathname !== '/graphql') {
      sendJson(res, 404, { errors: [{ message: `No route ${url.pathname}; the API is at /graphql.`, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const raw = await readBody(req, config.maxBodyBytes);
    if (raw === null) {
      requestError(res, 413, `Request body larger than ${config.maxBodyBytes} bytes.`);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST' && raw.length > 0 && /json/i.test(headers.get('content-type') ?? '')) {
      try {
        body = JSON.parse(raw);
      } catch {
        requestError(res, 400, 'Request body is not valid JSON.');
        return;
      }
    } else if (req.method === 'POST') {
      body = raw;
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      // A bad token fails the whole request (401, UNAUTHENTICATED); no token is anonymous.
      context: async () => createRequestContext(services, await verifyToken(headers.get('authorization'))),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    server,
    apollo,
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets would hold close() open until they time out; a stopping API drops them.
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}
