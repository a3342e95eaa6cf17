// Populations by id, with their owner.
UNWIND $ids AS id
MATCH (p:Population {id: id})-[:OF]->(o:Organization)
RETURN p {.id, .name, .kind, .size, .sizeQualifier, .note, .synthetic, .sourceUrl, .confidence, ownerId: o.id} AS population
