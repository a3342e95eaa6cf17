// The notification cascade of each breach as the record states it (GDPR Art. 33(1), 33(2), 34
// and public statements): who (ACTOR) told whom (RECIPIENT; none for the people concerned and
// the public), when (null date: unknown), with source and confidence. Merged by id, so loading
// twice gives the same graph; relationships are rewritten under the dataset like every seed step.
UNWIND $rows AS row
MATCH (b:Breach {id: row.breach})
MATCH (actor:Organization {id: row.actor})
OPTIONAL MATCH (recipient:Organization {id: row.recipient})
MERGE (n:Notification {id: row.id})
SET n:Seeded, n.dataset = $dataset, n.kind = row.kind, n.date = date(row.date), n.phase = row.phase,
    n.description = row.description, n.sourceUrl = row.source, n.confidence = row.confidence,
    n.recordedBy = null, n.recordedAt = null
CREATE (b)-[:HAS_NOTIFICATION {dataset: $dataset}]->(n)
CREATE (n)-[:ACTOR {dataset: $dataset}]->(actor)
FOREACH (r IN CASE WHEN recipient IS NULL THEN [] ELSE [recipient] END |
  CREATE (n)-[:RECIPIENT {dataset: $dataset}]->(r))
RETURN count(n) AS written
