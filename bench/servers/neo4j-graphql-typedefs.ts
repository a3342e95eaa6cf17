import { cypher } from '../../src/db/cypher-files';

/** A Cypher file as a GraphQL block string (the statements hold no triple quote). */
function block(name: string): string {
  const text = cypher(name).text;
  if (text.includes('"""')) throw new Error(`cypher/${name}.cypher cannot be embedded in SDL`);
  return `"""\n${text}\n"""`;
}

/**
 * Type definitions of the @neo4j/graphql side of the benchmark: the same graph as our API reads
 * (labels, relationship types and properties of schema/MODEL.md), mapped the way that library
 * expects — one `@node` type per label, `@relationship` fields for traversals, and `@cypher`
 * fields where the answer needs a rule no generated filter can express (qualifying flows by
 * date and retention, the contract rule). Nested selections are then resolved by the library.
 */
export function neo4jGraphqlTypeDefs(): string {
  return `
type Breach @node {
  id: ID!
  name: String!
  compromised: [System!]! @relationship(type: "COMPROMISED", direction: OUT)
}

type System @node {
  id: ID!
  name: String!
  runBy: [Organization!]! @relationship(type: "RUNS", direction: IN)
  incomingFlows: [DataFlow!]! @relationship(type: "TO", direction: IN)
  upstream: [LineageNode!]! @relationship(type: "FLOWS_TO", direction: IN)
}

type Organization @node {
  id: ID!
  name: String!
  upstream: [LineageNode!]! @relationship(type: "FLOWS_TO", direction: IN)
}

union LineageNode = Organization | System

type Population @node {
  id: ID!
  name: String!
  kind: String!
}

type DataCategory @node {
  id: ID!
  name: String!
}

type DataFlow @node {
  id: ID!
  validFrom: Date
  validTo: Date
  retentionMonths: Int
  to: [System!]! @relationship(type: "TO", direction: OUT)
  population: [Population!]! @relationship(type: "ABOUT", direction: OUT)
  controller: [Organization!]! @relationship(type: "CONTROLLER", direction: OUT)
  processor: [Organization!]! @relationship(type: "PROCESSOR", direction: OUT)
  via: [Organization!]! @relationship(type: "VIA", direction: OUT)
  carries: [DataCategory!]! @relationship(type: "CARRIES", direction: OUT)
}

type Beneficiary @node {
  id: ID!
}

type Contract @node {
  id: ID!
  number: String
  product: String
  startDate: Date
  endDate: Date
  insurerId: String
  beneficiaries: [Beneficiary!]! @relationship(type: "COVERS", direction: OUT)
  exposingFlows(breachId: ID!): [DataFlow!]!
    @cypher(statement: ${block('bench/ng-contract-exposing-flows')}, columnName: "f")
}

type ImpactSummary @node {
  breachId: ID!
  referenceDate: Date
  aggregates: String!
}

type InsurerImpactSummary @node {
  breachId: ID!
  insurerId: ID!
  aggregates: String!
}

type Query {
  impactFlows(breachId: ID!): [DataFlow!]!
    @cypher(statement: ${block('bench/ng-impact-flows')}, columnName: "f")
  affectedContracts(breachId: ID!, insurerId: ID!, after: ID, first: Int!): [Contract!]!
    @cypher(statement: ${block('bench/ng-affected-contracts')}, columnName: "c")
}
`;
}
