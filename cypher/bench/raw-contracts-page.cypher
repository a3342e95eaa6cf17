// Raw-Cypher floor of the benchmark's affected-contracts page: the insurer's qualifying flows
// (rule of impact/impact-paths.cypher), then one page of its contracts by key after $after with
// the contract rule of impact/contract-aggregates.cypher, each with its paths and beneficiary
// count, and the insurer's maintained total (its InsurerImpactSummary).
MATCH (b:Breach {id: $breachId})
OPTIONAL MATCH (b)-[:HAS_EVENT]->(e:BreachEvent)
WITH b, coalesce(min(CASE WHEN e.kind IN ['INTRUSION', 'DATA_COLLECTED'] THEN e.date END),
                 min(CASE WHEN e.kind = 'DETECTED' THEN e.date END),
                 min(CASE WHEN e.kind = 'CLIENTS_INFORMED' THEN e.date END),
                 min(CASE WHEN e.kind = 'DISCLOSED' THEN e.date END)) AS d
MATCH (b)-[:COMPROMISED]->(s:System)<-[:RUNS]-(op:Organization),
      (s)<-[:TO]-(f:DataFlow)-[:CONTROLLER]->(ctrl:Organization {id: $insurerId}),
      (f)-[:ABOUT]->(pop:Population)
WHERE (f.validFrom IS NULL OR f.validFrom <= d)
  AND (f.validTo IS NULL OR f.validTo >= d OR f.retentionMonths IS NULL
       OR f.validTo + duration({months: f.retentionMonths}) >= d)
WITH b, d, s, op, f, pop, ctrl,
     COLLECT {
       MATCH (b)-[x:EXPOSURE]->(cat:DataCategory)
       WHERE x.subjects = pop.kind AND x.status IN ['EXPOSED', 'CLAIMED']
         AND EXISTS { MATCH (f)-[:CARRIES]->(:DataCategory)<-[:SUBCATEGORY_OF*0..6]-(cat) }
       RETURN DISTINCT cat {.id, .name}
     } AS categories
WHERE size(categories) > 0
WITH b, d, collect({flowId: f.id, populationId: pop.id, operatorId: op.id, validFrom: f.validFrom, validTo: f.validTo,
                    retentionMonths: f.retentionMonths, retained: f.validTo IS NOT NULL AND f.validTo < d,
                    system: s.name, operator: op.name, controller: ctrl.name, exposedCategories: categories}) AS flows
CALL {
  OPTIONAL MATCH (t:InsurerImpactSummary {breachId: $breachId, insurerId: $insurerId})
  RETURN t.aggregates AS slice
}
CALL {
  WITH d, flows
  MATCH (c:Contract)
  WHERE c.insurerId = $insurerId AND c.id > coalesce($after, '')
  WITH d, flows, c
  ORDER BY c.insurerId, c.id
  WITH d, c, flows, COLLECT { MATCH (c)-[:IN_POPULATION]->(p:Population) RETURN p.id } AS pops
  WITH c, [x IN flows WHERE x.populationId IN pops
        AND (c.operatorId IS NULL OR c.operatorId = x.operatorId OR x.retained)
        AND c.startDate <= d
        AND (x.validTo IS NULL OR c.startDate <= x.validTo)
        AND (x.validFrom IS NULL OR c.endDate IS NULL OR c.endDate >= x.validFrom)
        AND (c.endDate IS NULL OR c.endDate >= d OR x.retentionMonths IS NULL
             OR c.endDate + duration({months: x.retentionMonths}) >= d)] AS reaching
  WHERE size(reaching) > 0
  LIMIT $first
  RETURN collect({contract: c {.id, .number, .product, .startDate, .endDate},
                  beneficiaryCount: COUNT { (c)-[:COVERS]->(:Beneficiary) },
                  paths: [x IN reaching | {basis: CASE WHEN x.retained THEN 'RETAINED' ELSE 'ACTIVE' END, flowId: x.flowId,
                          system: x.system, operator: x.operator, controller: x.controller, exposedCategories: x.exposedCategories}]}) AS rows
}
RETURN slice, rows
