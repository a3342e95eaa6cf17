import type { HttpRequest } from './load';

/** The three servers of the benchmark. */
export type ServerName = 'ours' | 'neo4jGraphql' | 'raw';

/** What operations need to know about the loaded database and the running servers. */
export interface OperationContext {
  urls: Record<ServerName, string>;
  /** Bearer tokens for our API. */
  tokens: { regulator: string; insurer: string; analyst: string };
  breachId: string;
  /** The insurer with the most contracts reached by the breach (its token is `tokens.insurer`). */
  insurerId: string;
  /** Contract id after which the deep page starts (about 90 % through the insurer's contracts). */
  deepAfter: string;
  /** Our API's opaque cursor for the same position. */
  deepCursor: string;
}

/** One benchmarked operation: the same question asked of each server. */
export interface Operation {
  id: string;
  title: string;
  request(server: ServerName, ctx: OperationContext): HttpRequest;
  /** How many items the answer holds (for checking the servers return comparable data); throws on an error answer. */
  size(server: ServerName, body: any): number;
}

const PAGE = 20;

function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string): HttpRequest {
  return { url, headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify({ query, variables }) };
}

function raw(url: string, op: string, params: Record<string, unknown>): HttpRequest {
  return { url, headers: {}, body: JSON.stringify({ op, params }) };
}

function data(body: any): any {
  if (body?.errors?.length) throw new Error(`error answer: ${JSON.stringify(body.errors).slice(0, 500)}`);
  if (!body?.data) throw new Error(`no data: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

const OURS_SUMMARY = `query Summary($breachId: ID!) { breachImpact(breachId: $breachId) {
  referenceDate totals { people contracts insurers }
  byInsurer { insurer { id name } people contracts }
  byPartner { partner { id name } role people contracts insurers }
  byCategory { category { id name } people contracts } } }`;
const NG_SUMMARY = `query Summary($breachId: ID!) {
  impactSummaries(where: { breachId: { eq: $breachId } }) { referenceDate aggregates }
  breaches(where: { id: { eq: $breachId } }) { name compromised { runBy { id name } incomingFlows { controller { id name } processor { id name } via { id name } } } }
  dataCategories { id name } }`;

const OURS_CONTRACTS = `query Contracts($breachId: ID!, $after: String) { affectedContracts(breachId: $breachId, first: ${PAGE}, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { contract { id number product startDate endDate } beneficiaryCount
    paths { basis flow { id } system { name } operator { name } controller { name } exposedCategories { id name } } } } } }`;
const NG_CONTRACTS = `query Contracts($breachId: ID!, $insurerId: ID!, $after: ID) {
  insurerImpactSummaries(where: { breachId: { eq: $breachId }, insurerId: { eq: $insurerId } }) { aggregates }
  affectedContracts(breachId: $breachId, insurerId: $insurerId, after: $after, first: ${PAGE}) {
    id number product startDate endDate beneficiariesConnection { totalCount }
    exposingFlows(breachId: $breachId) { id validTo to { name runBy { name } } controller { name } carries { id name } } } }`;

const OURS_PATHS = `query Paths($breachId: ID!) { breachImpact(breachId: $breachId) { paths {
  basis system { id name } operator { id name } partner { id name } controller { id name }
  population { id name kind } flow { id validFrom validTo retentionMonths } exposedCategories { id name } } } }`;
const NG_PATHS = `query Paths($breachId: ID!) { impactFlows(breachId: $breachId) {
  id validFrom validTo retentionMonths population { id name kind } controller { id name } via { id name }
  to { id name runBy { id name } } carries { id name } } }`;

const OURS_LINEAGE = `query Lineage($nodeId: ID!) { lineage(nodeId: $nodeId, direction: UPSTREAM, maxHops: 3) {
  root { name } nodes { id name kind hops path } flows { id from { name } controller { name } population { name } } } }`;
const NODE = '... on Organization { id name } ... on System { id name }';
const NG_LINEAGE = `query Lineage($nodeId: ID!) { systems(where: { id: { eq: $nodeId } }) { id name
  upstream { ... on Organization { id name upstream { ... on Organization { id name upstream { ${NODE} } } ... on System { id name upstream { ${NODE} } } } }
             ... on System { id name upstream { ... on Organization { id name upstream { ${NODE} } } ... on System { id name upstream { ${NODE} } } } } } } }`;
const LINEAGE_ROOT = 'sys-viamedis-tp-platform';

function contractsOperation(id: string, title: string, deep: boolean): Operation {
  return {
    id,
    title,
    request(server, ctx) {
      if (server === 'ours') return graphql(ctx.urls.ours, OURS_CONTRACTS, { breachId: ctx.breachId, after: deep ? ctx.deepCursor : null }, ctx.tokens.insurer);
      if (server === 'neo4jGraphql') return graphql(ctx.urls.neo4jGraphql, NG_CONTRACTS, { breachId: ctx.breachId, insurerId: ctx.insurerId, after: deep ? ctx.deepAfter : null });
      return raw(ctx.urls.raw, 'contracts', { breachId: ctx.breachId, insurerId: ctx.insurerId, after: deep ? ctx.deepAfter : null, first: PAGE });
    },
    size(server, body) {
      const d = data(body);
      if (server === 'ours') return d.affectedContracts.edges.length;
      if (server === 'neo4jGraphql') return d.affectedContracts.length;
      return d.rows.length;
    },
  };
}

/** The operations of issue #4, in report order. */
export const OPERATIONS: Operation[] = [
  {
    id: 'summary',
    title: 'Breach-impact summary (regulator: totals, by insurer, partner, category)',
    request(server, ctx) {
      if (server === 'ours') return graphql(ctx.urls.ours, OURS_SUMMARY, { breachId: ctx.breachId }, ctx.tokens.regulator);
      if (server === 'neo4jGraphql') return graphql(ctx.urls.neo4jGraphql, NG_SUMMARY, { breachId: ctx.breachId });
      return raw(ctx.urls.raw, 'summary', { breachId: ctx.breachId });
    },
    size(server, body) {
      const d = data(body);
      if (server === 'ours') return d.breachImpact.byInsurer.length;
      if (server === 'neo4jGraphql') return JSON.parse(d.impactSummaries[0].aggregates).byInsurer.length;
      return d.byInsurer.length;
    },
  },
  contractsOperation('contracts-first', `One insurer's affected contracts, first page of ${PAGE}`, false),
  contractsOperation('contracts-deep', `One insurer's affected contracts, a page of ${PAGE} about 90 % deep`, true),
  {
    id: 'paths',
    title: 'Nested impact paths (every path with its hops, flow and categories)',
    request(server, ctx) {
      if (server === 'ours') return graphql(ctx.urls.ours, OURS_PATHS, { breachId: ctx.breachId }, ctx.tokens.regulator);
      if (server === 'neo4jGraphql') return graphql(ctx.urls.neo4jGraphql, NG_PATHS, { breachId: ctx.breachId });
      return raw(ctx.urls.raw, 'paths', { breachId: ctx.breachId });
    },
    size(server, body) {
      const d = data(body);
      if (server === 'ours') return d.breachImpact.paths.length;
      if (server === 'neo4jGraphql') return d.impactFlows.length;
      return d.length;
    },
  },
  {
    id: 'lineage',
    title: '3-hop upstream lineage of the Viamedis platform',
    request(server, ctx) {
      if (server === 'ours') return graphql(ctx.urls.ours, OURS_LINEAGE, { nodeId: LINEAGE_ROOT }, ctx.tokens.analyst);
      if (server === 'neo4jGraphql') return graphql(ctx.urls.neo4jGraphql, NG_LINEAGE, { nodeId: LINEAGE_ROOT });
      return raw(ctx.urls.raw, 'lineage', { nodeId: LINEAGE_ROOT, maxHops: 3 });
    },
    size(server, body) {
      const d = data(body);
      if (server === 'ours') return d.lineage.nodes.length;
      if (server === 'neo4jGraphql') {
        // Distinct nodes over the three nested levels, as the other two servers list them.
        const seen = new Set<string>();
        const walk = (nodes: Array<{ id: string; upstream?: unknown[] }>) => nodes.forEach((n) => (seen.add(n.id), walk((n.upstream ?? []) as never)));
        walk(d.systems[0].upstream);
        seen.delete(LINEAGE_ROOT);
        return seen.size;
      }
      return d.nodes.length;
    },
  },
];
