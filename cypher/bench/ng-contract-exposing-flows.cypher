// @neo4j/graphql side of the benchmark (Contract.exposingFlows @cypher, run once per contract
// with `this` bound to it): the flows through which a breach reaches this contract, by the rules
// of impact/impact-paths.cypher and impact/contract-aggregates.cypher. It starts by matching
// `this`, so it also plans on its own (EXPLAIN binds a fresh variable of that name).
MATCH (this:Contract)-[:IN_POPULATION]->(pop:Population)<-[:ABOUT]-(f:DataFlow)-[:TO]->(s:System)<-[:COMPROMISED]-(b:Breach {id: $breachId}),
      (s)<-[:RUNS]-(op:Organization)
CALL {
  WITH b
  OPTIONAL MATCH (b)-[:HAS_EVENT]->(e:BreachEvent)
  RETURN coalesce(min(CASE WHEN e.kind IN ['INTRUSION', 'DATA_COLLECTED'] THEN e.date END),
                  min(CASE WHEN e.kind = 'DETECTED' THEN e.date END),
                  min(CASE WHEN e.kind = 'CLIENTS_INFORMED' THEN e.date END),
                  min(CASE WHEN e.kind = 'DISCLOSED' THEN e.date END)) AS d
}
WITH this, pop, f, op, b, d
WHERE (f.validFrom IS NULL OR f.validFrom <= d)
  AND (f.validTo IS NULL OR f.validTo >= d OR f.retentionMonths IS NULL
       OR f.validTo + duration({months: f.retentionMonths}) >= d)
  AND (this.operatorId IS NULL OR this.operatorId = op.id OR (f.validTo IS NOT NULL AND f.validTo < d))
  AND this.startDate <= d
  AND (f.validTo IS NULL OR this.startDate <= f.validTo)
  AND (f.validFrom IS NULL OR this.endDate IS NULL OR this.endDate >= f.validFrom)
  AND (this.endDate IS NULL OR this.endDate >= d OR f.retentionMonths IS NULL
       OR this.endDate + duration({months: f.retentionMonths}) >= d)
  AND EXISTS {
    MATCH (b)-[x:EXPOSURE]->(cat:DataCategory)
    WHERE x.subjects = pop.kind AND x.status IN ['EXPOSED', 'CLAIMED']
      AND EXISTS { MATCH (f)-[:CARRIES]->(:DataCategory)<-[:SUBCATEGORY_OF*0..6]-(cat) }
  }
RETURN DISTINCT f
