// Systems and the organisation that runs each.
UNWIND $rows AS row
MATCH (op:Organization {id: row.operator})
MERGE (s:System {id: row.id})
SET s:Seeded, s.dataset = $dataset, s.name = row.name, s.kind = row.kind, s.description = row.description,
    s.sourceUrl = row.source, s.confidence = row.confidence
CREATE (op)-[:RUNS {dataset: $dataset}]->(s)
RETURN count(s) AS written
