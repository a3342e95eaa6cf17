// Ways into several systems.
UNWIND $ids AS id
MATCH (c:AccessChannel)-[:GIVES_ACCESS_TO]->(s:System {id: id})
RETURN id AS systemId, c {.id, .name, .kind, .description, .sourceUrl, .confidence, systemId: s.id} AS channel
ORDER BY systemId, c.id
