// Figures reported about each breach, by whom, when, with source and confidence.
UNWIND $rows AS row
MATCH (b:Breach {id: row.breach})
OPTIONAL MATCH (by:Organization {id: row.reportedBy})
MERGE (f:ReportedFigure {id: row.id})
SET f:Seeded, f.dataset = $dataset, f.metric = row.metric, f.value = row.value, f.qualifier = row.qualifier,
    f.text = row.text, f.date = date(row.date), f.sourceUrl = row.source, f.confidence = row.confidence,
    f.note = row.note
CREATE (b)-[:REPORTED {dataset: $dataset}]->(f)
FOREACH (o IN CASE WHEN by IS NULL THEN [] ELSE [by] END | CREATE (f)-[:REPORTED_BY {dataset: $dataset}]->(o))
RETURN count(f) AS written
