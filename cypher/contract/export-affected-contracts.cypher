// One batch of the mailing export (GET /export/affected-contracts): the tenant insurer's
// contracts reached by a breach, in contract-id order after $after, each with the paths reaching
// it and its beneficiaries (pseudonymous key and role, never a NIR: none is stored).
// Keyset paging, as contract/affected-contracts-page: the walk starts from the (insurerId, id)
// index in id order and stops once $limit contracts qualify, so the last batch of a national
// export costs what the first does and Neo4j never holds more than one batch.
// $paths are the insurer's qualifying paths from impact-paths; the contract rule is
// cypher/reach/contract-reached, included, never copied.
// Compact on purpose: a national export sends hundreds of thousands of these rows, and the API's
// decoding of them was a third of its work. So a contract's paths are the positions in $paths of
// those reaching it (the caller holds $paths: only the contract's own network, for a path without
// a partner, is per contract), a beneficiary is a [key, role] pair, and the contract's fields are
// columns, whose names the driver receives once per statement, not once per row.
MATCH (c:Contract)
WHERE c.insurerId = $tenant AND c.id > coalesce($after, '')
WITH c
ORDER BY c.insurerId, c.id
CALL {
  WITH c
  UNWIND range(0, size($paths) - 1) AS i
  WITH c, i, $paths[i] AS p
  MATCH (c)-[:IN_POPULATION]->(:Population)<-[:ABOUT]-(f:DataFlow {id: p.flowId})
  WITH c, i, p, f, date($referenceDate) AS d
  WHERE // @include reach/contract-reached
  RETURN collect(i) AS hits
}
WITH c, hits
WHERE size(hits) > 0
LIMIT $limit
CALL {
  WITH c
  OPTIONAL MATCH (c)-[cov:COVERS]->(b:Beneficiary)
  WITH cov, b
  ORDER BY b.key
  RETURN collect(CASE WHEN b IS NULL THEN null ELSE [b.key, cov.role] END) AS beneficiaries
}
// Dates as ISO text made by Neo4j: the driver turns a date value into year, month and day with
// integer arithmetic that allocates a dozen objects per date, twice a contract.
RETURN c.id AS id, c.number AS number, toString(c.startDate) AS startDate, toString(c.endDate) AS endDate,
       c.networkId AS networkId, hits, beneficiaries
