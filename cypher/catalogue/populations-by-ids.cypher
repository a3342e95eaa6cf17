// Populations by id, with their owner.
UNWIND $ids AS id
MATCH (p:Population {id: id})-[:OF]->(o:Organization)
RETURN p {.id, .name, .kind, .size, .sizeQualifier, .note, .synthetic, .sourceUrl, .confidence, ownerId: o.id, cutOff: CASE WHEN p.cutOffDate IS NULL THEN null ELSE {date: p.cutOffDate, sourceUrl: p.cutOffSourceUrl, confidence: p.cutOffConfidence, note: p.cutOffNote} END} AS population
