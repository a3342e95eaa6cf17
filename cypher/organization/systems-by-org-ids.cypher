// Systems run by several organisations.
UNWIND $ids AS id
MATCH (o:Organization {id: id})-[:RUNS]->(s:System)
RETURN id AS orgId, s {.id, .name, .kind, .description, .sourceUrl, .confidence, operatorId: o.id} AS system
ORDER BY orgId, s.id
