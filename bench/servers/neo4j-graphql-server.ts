import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { Driver } from 'neo4j-driver';
import { neo4jGraphqlTypeDefs } from './neo4j-graphql-typedefs';

/** Round trips of the request being served; the benchmark reads it once per operation, unloaded. */
interface Ctx {
  executionContext: Driver;
  roundTrips: { n: number };
}

/**
 * Wraps the driver so that every statement @neo4j/graphql runs is counted against the request
 * that caused it: the library takes a driver and opens its own sessions and transactions.
 */
function countingDriver(driver: Driver, counter: { n: number }): Driver {
  const wrapTx = (tx: any) => new Proxy(tx, { get: (t, k) => (k === 'run' ? (...a: unknown[]) => ((counter.n += 1), t.run(...a)) : Reflect.get(t, k).bind?.(t) ?? Reflect.get(t, k)) });
  const wrapSession = (s: any) =>
    new Proxy(s, {
      get(target, key) {
        const v = Reflect.get(target, key);
        if (key === 'run') return (...a: unknown[]) => ((counter.n += 1), target.run(...a));
        if (key === 'executeRead' || key === 'executeWrite' || key === 'readTransaction' || key === 'writeTransaction')
          return (work: (tx: unknown) => unknown, cfg?: unknown) => v.call(target, (tx: unknown) => work(wrapTx(tx)), cfg);
        if (key === 'beginTransaction') return (...a: unknown[]) => wrapTx(v.apply(target, a));
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  return new Proxy(driver, {
    get(target, key) {
      const v = Reflect.get(target, key);
      if (key === 'session') return (...a: unknown[]) => wrapSession(v.apply(target, a));
      if (key === 'executeQuery') return (...a: unknown[]) => ((counter.n += 1), v.apply(target, a));
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

const roundTripHeader: ApolloServerPlugin<Ctx> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        response.http.headers.set('x-cypher-round-trips', String(contextValue.roundTrips.n));
      },
    };
  },
};

/**
 * The @neo4j/graphql server of the benchmark (the standard GraphQL layer for Neo4j): its
 * generated schema over the benchmark database (NEO4J_URI), served by Apollo Server 5 on a free
 * port; prints `READY <url>`.
 */
async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is required');
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? ''));
  const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(), driver }).getSchema();
  const server = new ApolloServer<Ctx>({ schema, plugins: [roundTripHeader] });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => {
      const roundTrips = { n: 0 };
      return { executionContext: countingDriver(driver, roundTrips), roundTrips };
    },
  });
  console.log(`READY ${url}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
