// Raw-Cypher floor of the benchmark's breach-impact summary: the maintained summary of a breach
// (JSON of impact/contract-aggregates) and the names of the organisations and categories it cites.
MATCH (s:ImpactSummary {breachId: $breachId})
RETURN s.referenceDate AS referenceDate, s.aggregates AS aggregates,
       COLLECT {
         MATCH (:Breach {id: $breachId})-[:COMPROMISED]->(:System)<-[:TO]-(:DataFlow)-[:CONTROLLER|PROCESSOR|VIA]->(o:Organization)
         RETURN DISTINCT o {.id, .name}
       } AS organizations,
       COLLECT { MATCH (c:DataCategory) RETURN c {.id, .name} } AS categories
