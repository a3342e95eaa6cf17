// Dated facts of each breach (intrusion, detection, disclosure…); a null date means unknown.
UNWIND $rows AS row
MATCH (b:Breach {id: row.breach})
MERGE (e:BreachEvent {id: row.id})
SET e:Seeded, e.dataset = $dataset, e.kind = row.kind, e.date = date(row.date), e.description = row.description,
    e.sourceUrl = row.source, e.confidence = row.confidence
CREATE (b)-[:HAS_EVENT {dataset: $dataset}]->(e)
RETURN count(e) AS written
