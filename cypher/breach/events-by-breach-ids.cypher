// Dated events of several breaches at once, in date order (unknown dates last).
UNWIND $ids AS id
MATCH (b:Breach {id: id})-[:HAS_EVENT]->(e:BreachEvent)
RETURN b.id AS breachId, e {.id, .kind, .date, .description, .sourceUrl, .confidence} AS event
ORDER BY breachId, e.date IS NULL, e.date, e.id
