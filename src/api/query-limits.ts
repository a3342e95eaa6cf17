import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';

/**
 * Limits every operation must fit (graphql-armor). Set with headroom above the deepest and
 * costliest documented operation (schema/examples.graphql and the round-trip tests), which
 * `test/limits.test.ts` runs; an operation beyond any of them is QUERY_TOO_COMPLEX.
 */
export const QUERY_LIMITS: Omit<GraphQLArmorConfig, 'blockFieldSuggestion'> = {
  maxDepth: { n: 10 },
  costLimit: { maxCost: 5_000 },
  maxAliases: { n: 20 },
  maxDirectives: { n: 20 },
  // Armor's token plugin re-parses in a hook and turns every syntax error into a 500; graphql-js
  // counts tokens in its own parser instead (MAX_TOKENS, Apollo's parseOptions).
  maxTokens: { enabled: false },
};

/** Most lexical tokens a document may have; the parser stops there, before building an AST. */
export const MAX_TOKENS = 3_000;

/** Messages of the limits: graphql-armor's (exposeLimits on, its default) and graphql-js's token cap (whose message says "more that" in graphql 16). */
export const LIMIT_MESSAGE = /^Syntax Error: ((Query depth limit|Query Cost limit|Aliases limit|Directives limit) of \d+ exceeded|Document contains more tha[nt] \d+ tokens)/;
