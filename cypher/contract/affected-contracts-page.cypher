// One page of the tenant insurer's contracts reached by a breach, in contract-id order after the cursor.
// $paths are the insurer's qualifying paths from impact-paths; the contract rule is the one in
// impact/contract-aggregates. $limit is one more than the page size, to tell if a page follows.
UNWIND $paths AS p
MATCH (f:DataFlow {id: p.flowId})-[:ABOUT]->(:Population)<-[:IN_POPULATION]-(c:Contract)
WHERE c.insurerId = $tenant
  AND (c.operatorId IS NULL OR c.operatorId = p.operatorId OR p.basis = 'RETAINED')
  AND ($after IS NULL OR c.id > $after)
  AND c.startDate <= date($referenceDate)
  AND (f.validTo IS NULL OR c.startDate <= f.validTo)
  AND (f.validFrom IS NULL OR c.endDate IS NULL OR c.endDate >= f.validFrom)
  AND (c.endDate IS NULL OR c.endDate >= date($referenceDate) OR f.retentionMonths IS NULL
       OR c.endDate + duration({months: f.retentionMonths}) >= date($referenceDate))
WITH c, collect(p {.*, networkId: coalesce(p.viaId, c.networkId)}) AS paths
ORDER BY c.id
LIMIT $limit
OPTIONAL MATCH (c)-[cov:COVERS]->(:Beneficiary)
WITH c, paths, count(cov) AS beneficiaryCount, sum(CASE WHEN cov.role = 'DEPENDANT' THEN 1 ELSE 0 END) AS dependants
RETURN c {.id, .number, .insurerId, .product, .operatorId, .networkId, .startDate, .endDate, .synthetic} AS contract, paths, beneficiaryCount, dependants
ORDER BY c.id
