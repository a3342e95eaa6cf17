// Which of a member's contracts (with the tenant insurer) each breach reaches, and through which
// of the tenant's paths. The contract rule is cypher/reach/contract-reached.
UNWIND $requests AS req
UNWIND req.paths AS p
MATCH (f:DataFlow {id: p.flowId})-[:ABOUT]->(:Population)<-[:IN_POPULATION]-(c:Contract)
WITH req, p, f, c, date(req.referenceDate) AS d
WHERE c.id IN $contractIds
  AND c.insurerId = $tenant
  AND // @include reach/contract-reached
RETURN req.breachId AS breachId, c.id AS contractId, p {.*, networkId: coalesce(p.viaId, c.networkId)} AS path
ORDER BY breachId, contractId
