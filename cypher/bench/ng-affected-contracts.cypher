// @neo4j/graphql side of the benchmark (Query.affectedContracts @cypher): one page of an
// insurer's contracts a breach reaches, by key after $after: the insurer's qualifying flows
// (rule of impact/impact-paths.cypher), then the contract rule of impact/contract-aggregates.cypher.
MATCH (b:Breach {id: $breachId})
OPTIONAL MATCH (b)-[:HAS_EVENT]->(e:BreachEvent)
WITH b, coalesce(min(CASE WHEN e.kind IN ['INTRUSION', 'DATA_COLLECTED'] THEN e.date END),
                 min(CASE WHEN e.kind = 'DETECTED' THEN e.date END),
                 min(CASE WHEN e.kind = 'CLIENTS_INFORMED' THEN e.date END),
                 min(CASE WHEN e.kind = 'DISCLOSED' THEN e.date END)) AS d
MATCH (b)-[:COMPROMISED]->(s:System)<-[:RUNS]-(op:Organization),
      (s)<-[:TO]-(f:DataFlow)-[:CONTROLLER]->(:Organization {id: $insurerId}),
      (f)-[:ABOUT]->(pop:Population)
WHERE (f.validFrom IS NULL OR f.validFrom <= d)
  AND (f.validTo IS NULL OR f.validTo >= d OR f.retentionMonths IS NULL
       OR f.validTo + duration({months: f.retentionMonths}) >= d)
  AND EXISTS {
    MATCH (b)-[x:EXPOSURE]->(cat:DataCategory)
    WHERE x.subjects = pop.kind AND x.status IN ['EXPOSED', 'CLAIMED']
      AND EXISTS { MATCH (f)-[:CARRIES]->(:DataCategory)<-[:SUBCATEGORY_OF*0..6]-(cat) }
  }
WITH d, collect({flow: f, population: pop, operatorId: op.id, retained: f.validTo IS NOT NULL AND f.validTo < d}) AS flows
MATCH (c:Contract)
WHERE c.insurerId = $insurerId AND c.id > coalesce($after, '')
WITH d, flows, c
ORDER BY c.insurerId, c.id
WHERE any(x IN flows WHERE EXISTS { MATCH (c)-[:IN_POPULATION]->(p:Population) WHERE p = x.population }
  AND (c.operatorId IS NULL OR c.operatorId = x.operatorId OR x.retained)
  AND c.startDate <= d
  AND (x.flow.validTo IS NULL OR c.startDate <= x.flow.validTo)
  AND (x.flow.validFrom IS NULL OR c.endDate IS NULL OR c.endDate >= x.flow.validFrom)
  AND (c.endDate IS NULL OR c.endDate >= d OR x.flow.retentionMonths IS NULL
       OR c.endDate + duration({months: x.flow.retentionMonths}) >= d))
RETURN c
LIMIT $first
