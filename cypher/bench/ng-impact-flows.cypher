// @neo4j/graphql side of the benchmark (Query.impactFlows @cypher): the data flows that put a
// population in a breach's reach on its default reference date — the same rule as
// impact/impact-paths.cypher — returned as nodes so that @neo4j/graphql resolves the nested
// hops (system, operator, controller, population, categories) itself.
MATCH (b:Breach {id: $breachId})
OPTIONAL MATCH (b)-[:HAS_EVENT]->(e:BreachEvent)
WITH b, coalesce(min(CASE WHEN e.kind IN ['INTRUSION', 'DATA_COLLECTED'] THEN e.date END),
                 min(CASE WHEN e.kind = 'DETECTED' THEN e.date END),
                 min(CASE WHEN e.kind = 'CLIENTS_INFORMED' THEN e.date END),
                 min(CASE WHEN e.kind = 'DISCLOSED' THEN e.date END)) AS d
MATCH (b)-[:COMPROMISED]->(:System)<-[:TO]-(f:DataFlow)-[:ABOUT]->(pop:Population)
WHERE (f.validFrom IS NULL OR f.validFrom <= d)
  AND (f.validTo IS NULL OR f.validTo >= d OR f.retentionMonths IS NULL
       OR f.validTo + duration({months: f.retentionMonths}) >= d)
  AND EXISTS {
    MATCH (b)-[x:EXPOSURE]->(cat:DataCategory)
    WHERE x.subjects = pop.kind AND x.status IN ['EXPOSED', 'CLAIMED']
      AND EXISTS { MATCH (f)-[:CARRIES]->(:DataCategory)<-[:SUBCATEGORY_OF*0..6]-(cat) }
  }
RETURN DISTINCT f
