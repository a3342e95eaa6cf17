// Ways into a system (a professional's login, automated queries).
UNWIND $rows AS row
MATCH (s:System {id: row.system})
MERGE (c:AccessChannel {id: row.id})
SET c:Seeded, c.dataset = $dataset, c.name = row.name, c.kind = row.kind, c.description = row.description,
    c.sourceUrl = row.source, c.confidence = row.confidence
CREATE (c)-[:GIVES_ACCESS_TO {dataset: $dataset}]->(s)
RETURN count(c) AS written
