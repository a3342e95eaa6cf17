// Caveats on reported figures, each a fact with its own source and confidence.
UNWIND $rows AS row
MATCH (f:ReportedFigure {id: row.figure})
MERGE (c:Caveat {id: row.id})
SET c:Seeded, c.dataset = $dataset, c.text = row.text, c.sourceUrl = row.source, c.confidence = row.confidence
CREATE (f)-[:HAS_CAVEAT {dataset: $dataset}]->(c)
RETURN count(c) AS written
