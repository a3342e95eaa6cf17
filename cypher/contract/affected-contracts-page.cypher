// One page of the tenant insurer's contracts reached by a breach, in contract-id order after the
// cursor. Keyset paging: the walk starts from the (insurerId, id) index in id order and stops as
// soon as $limit contracts qualify, so a deep page costs what the first does.
// $paths are the insurer's qualifying paths from impact-paths; the contract rule is
// cypher/reach/contract-reached. $limit is one more than the page size, to tell if a page follows.
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
  RETURN collect(p {.*, networkId: coalesce(p.viaId, c.networkId)}) AS paths
}
WITH c, paths
WHERE size(paths) > 0
LIMIT $limit
CALL {
  WITH c
  OPTIONAL MATCH (c)-[cov:COVERS]->(:Beneficiary)
  RETURN count(cov) AS beneficiaryCount, sum(CASE WHEN cov.role = 'DEPENDANT' THEN 1 ELSE 0 END) AS dependants
}
RETURN c {.id, .number, .insurerId, .product, .operatorId, .networkId, .startDate, .endDate, .synthetic} AS contract,
       paths, beneficiaryCount, dependants
