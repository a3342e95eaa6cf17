// Raw-Cypher floor of the benchmark's nested paths query: the breach's maintained paths (JSON of
// its impact-paths row, what our API serves too) and the names of every hop they can cite.
MATCH (s:ImpactSummary {breachId: $breachId}), (b:Breach {id: $breachId})
RETURN s.paths AS paths,
       COLLECT { MATCH (b)-[:COMPROMISED]->(x:System) RETURN x {.id, .name} } AS systems,
       COLLECT {
         MATCH (b)-[:COMPROMISED]->(:System)<-[:TO]-(:DataFlow)-[:CONTROLLER|PROCESSOR|VIA]->(o:Organization)
         RETURN DISTINCT o {.id, .name}
       } AS organizations,
       COLLECT { MATCH (b)-[:COMPROMISED]->(:System)<-[:RUNS]-(o:Organization) RETURN DISTINCT o {.id, .name} } AS operators,
       COLLECT { MATCH (b)-[:COMPROMISED]->(:System)<-[:TO]-(:DataFlow)-[:ABOUT]->(p:Population) RETURN DISTINCT p {.id, .name, .kind} } AS populations,
       COLLECT { MATCH (c:DataCategory) RETURN c {.id, .name} } AS categories
