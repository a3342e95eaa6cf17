// Populations owned by several organisations; an insurer ($tenant) sees only its own.
UNWIND $ids AS id
MATCH (p:Population)-[:OF]->(o:Organization {id: id})
WHERE $tenant IS NULL OR o.id = $tenant
RETURN id AS orgId, p {.id, .name, .kind, .size, .sizeQualifier, .note, .synthetic, .sourceUrl, .confidence, ownerId: o.id, cutOff: CASE WHEN p.cutOffDate IS NULL THEN null ELSE {date: p.cutOffDate, sourceUrl: p.cutOffSourceUrl, confidence: p.cutOffConfidence, note: p.cutOffNote} END} AS population
ORDER BY orgId, p.id
