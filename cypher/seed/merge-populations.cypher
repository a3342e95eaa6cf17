// Populations (an insurer's insured people, professionals) with their reported sizes and
// cut-off (row.cutOff null: none stated; its fields are then null).
UNWIND $rows AS row
MATCH (owner:Organization {id: row.owner})
MERGE (p:Population {id: row.id})
SET p:Seeded, p.dataset = $dataset, p.name = row.name, p.kind = row.kind, p.size = row.size,
    p.sizeQualifier = row.sizeQualifier, p.sourceUrl = row.source, p.confidence = row.confidence,
    p.note = row.note, p.synthetic = coalesce(row.synthetic, false), p.ownerId = row.owner,
    p.cutOffDate = date(row.cutOff.date), p.cutOffSourceUrl = row.cutOff.source,
    p.cutOffConfidence = row.cutOff.confidence, p.cutOffNote = row.cutOff.note
CREATE (p)-[:OF {dataset: $dataset}]->(owner)
RETURN count(p) AS written
