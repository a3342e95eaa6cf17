// Ownership between organisations, with share and validity window when the record gives them.
UNWIND $rows AS row
MATCH (parent:Organization {id: row.parent})
MATCH (child:Organization {id: row.child})
CREATE (parent)-[r:OWNS {dataset: $dataset}]->(child)
SET r.share = row.share, r.validFrom = date(row.validFrom), r.validTo = date(row.validTo),
    r.sourceUrl = row.source, r.confidence = row.confidence, r.note = row.note
RETURN count(r) AS written
