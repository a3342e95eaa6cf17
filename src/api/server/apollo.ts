import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import type { Config } from '../../config/config';
import { createSchema } from '../build-schema';
import type { RequestContext } from '../context';
import { createErrorFormatter } from '../format-error';
import { MAX_TOKENS, QUERY_LIMITS } from '../query-limits';
import { requestRecordPlugin } from './request-record';
import { SERVER_TIMING_HEADER, serverTimingOf } from './server-timing';

/** Response header carrying the Cypher round trips of a request (ROUND_TRIPS_HEADER). */
export const ROUND_TRIPS_HEADER = 'x-cypher-round-trips';

/**
 * Creates and starts the Apollo Server over the schema, with the query limits, CSRF prevention,
 * no batching and the error formatter. It knows nothing of HTTP: `http-server.ts` puts it behind
 * Fastify, and tests execute operations on it directly.
 */
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
      // Operation name and error code for the per-request log line and the metrics (no-op for
      // operations executed without the HTTP layer).
      requestRecordPlugin,
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

/**
 * Sets `x-cypher-round-trips` on every answer, and `Server-Timing` with each statement's name and
 * duration (see serverTimingOf), when configured (see createApollo): the statements an answer
 * cost and where its time went, seen from the client (a browser's developer tools show the latter).
 */
const roundTripHeader: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        response.http.headers.set(ROUND_TRIPS_HEADER, String(contextValue.roundTrips.roundTrips));
        const timings = contextValue.roundTrips.timings;
        if (timings) response.http.headers.set(SERVER_TIMING_HEADER, serverTimingOf(timings));
      },
    };
  },
};
