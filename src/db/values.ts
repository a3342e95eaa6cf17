import neo4j, { isInt, isDate, isDateTime, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

/**
 * Converts query parameters for the driver: whole JS numbers become Neo4j integers, because the
 * driver sends every JS number as a float and Cypher refuses floats for LIMIT, SKIP and ranges.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4jParams(v);
    return out;
  }
  return value;
}

/**
 * Converts a value read from Neo4j into plain JSON-friendly JS: integers to numbers, temporal
 * values to ISO strings, nodes and relationships to their properties.
 */
export function fromNeo4j(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: answer them before the driver's costlier type probes,
  // which every request pays once per value (the profile of a nested query showed it).
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  if (isNode(value) || isRelationship(value)) return fromNeo4j(value.properties);
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = fromNeo4j(v);
    return out;
  }
  return value;
}
