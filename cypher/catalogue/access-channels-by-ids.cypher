// Access channels by id.
UNWIND $ids AS id
MATCH (c:AccessChannel {id: id})-[:GIVES_ACCESS_TO]->(s:System)
RETURN c {.id, .name, .kind, .description, .sourceUrl, .confidence, systemId: s.id} AS channel
