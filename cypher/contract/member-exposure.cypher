// Which of a member's contracts (with the tenant insurer) each breach reaches, and through which
// of the tenant's paths. Same contract rule as impact/contract-aggregates.cypher.
UNWIND $requests AS req
UNWIND req.paths AS p
MATCH (f:DataFlow {id: p.flowId})-[:ABOUT]->(:Population)<-[:IN_POPULATION]-(c:Contract)
WITH req, p, f, c, date(req.referenceDate) AS d
WHERE c.id IN $contractIds
  AND c.insurerId = $tenant
  AND (c.operatorId IS NULL OR c.operatorId = p.operatorId OR p.basis = 'RETAINED')
  AND c.startDate <= d
  AND (f.validTo IS NULL OR c.startDate <= f.validTo)
  AND (f.validFrom IS NULL OR c.endDate IS NULL OR c.endDate >= f.validFrom)
  AND (c.endDate IS NULL OR c.endDate >= d OR f.retentionMonths IS NULL
       OR c.endDate + duration({months: f.retentionMonths}) >= d)
RETURN req.breachId AS breachId, c.id AS contractId, p {.*, networkId: coalesce(p.viaId, c.networkId)} AS path
ORDER BY breachId, contractId
