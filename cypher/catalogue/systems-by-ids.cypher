// Systems by id, with the organisation running each.
UNWIND $ids AS id
MATCH (op:Organization)-[:RUNS]->(s:System {id: id})
RETURN s {.id, .name, .kind, .description, .sourceUrl, .confidence, operatorId: op.id} AS system
