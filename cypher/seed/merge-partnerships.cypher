// Partnerships (insurer with operator, care network with operator) and their validity windows.
UNWIND $rows AS row
MATCH (a:Organization {id: row.insurer})
MATCH (b:Organization {id: row.partner})
CREATE (a)-[r:PARTNERS_WITH {dataset: $dataset}]->(b)
SET r.id = row.id, r.kind = row.kind, r.validFrom = date(row.validFrom), r.validTo = date(row.validTo),
    r.sourceUrl = row.source, r.confidence = row.confidence, r.note = row.note
RETURN count(r) AS written
