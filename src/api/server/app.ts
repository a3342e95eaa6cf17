/**
 * The API's server, as main.ts, the tests and the benchmark import it: the Apollo set-up lives in
 * `apollo.ts` (no HTTP), the Fastify app with its routes in `http-server.ts`.
 */
export { createApollo, ROUND_TRIPS_HEADER } from './apollo';
export { buildHttpServer, GRAPHQL_PATH, startApp } from './http-server';
export type { App, HttpOptions } from './http-server';
export { DASHBOARD_PATH, DEV_TOKEN_PATH, GRAPHIQL_PATH as EXPLORER_PATH, WEB_CSP } from './web-routes';
