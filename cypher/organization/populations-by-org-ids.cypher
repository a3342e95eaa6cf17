// Populations owned by several organisations.
UNWIND $ids AS id
MATCH (p:Population)-[:OF]->(o:Organization {id: id})
RETURN id AS orgId, p {.id, .name, .kind, .size, .sizeQualifier, .note, .synthetic, .sourceUrl, .confidence, ownerId: o.id} AS population
ORDER BY orgId, p.id
