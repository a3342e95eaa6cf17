// One batch of the mailing export (GET /export/affected-contracts): the tenant insurer's
// contracts reached by a breach, in contract-id order after $after, each with the paths reaching
// it and its beneficiaries (pseudonymous key and role, never a NIR: none is stored).
// Keyset paging, as contract/affected-contracts-page: the walk starts from the (insurerId, id)
// index in id order and stops once $limit contracts qualify, so the last batch of a national
// export costs what the first does and Neo4j never holds more than one batch.
// $paths are the insurer's qualifying paths from impact-paths; the contract rule is
// cypher/reach/contract-reached, included, never copied.
MATCH (c:Contract)
WHERE c.insurerId = $tenant AND c.id > coalesce($after, '')
WITH c
ORDER BY c.insurerId, c.id
CALL {
  WITH c
  UNWIND $paths AS p
  MATCH (c)-[:IN_POPULATION]->(:Population)<-[:ABOUT]-(f:DataFlow {id: p.flowId})
  WITH c, p, f, date($referenceDate) AS d
  WHERE // @include reach/contract-reached
  RETURN collect(p {.flowId, .operatorId, .basis, .exposedCategoryIds, networkId: coalesce(p.viaId, c.networkId)}) AS paths
}
WITH c, paths
WHERE size(paths) > 0
LIMIT $limit
CALL {
  WITH c
  OPTIONAL MATCH (c)-[cov:COVERS]->(b:Beneficiary)
  WITH cov, b
  ORDER BY b.key
  RETURN collect(CASE WHEN b IS NULL THEN null ELSE {key: b.key, role: cov.role} END) AS beneficiaries
}
// Dates as ISO text made by Neo4j: the driver turns a date value into year, month and day with
// integer arithmetic that allocates a dozen objects per date, twice a contract.
RETURN c {.id, .number, startDate: toString(c.startDate), endDate: toString(c.endDate)} AS contract, paths, beneficiaries
