// What each breach exposed, claimed or was stated not to expose, per kind of data subject.
UNWIND $rows AS row
MATCH (b:Breach {id: row.breach})
MATCH (c:DataCategory {id: row.category})
CREATE (b)-[r:EXPOSURE {dataset: $dataset}]->(c)
SET r.subjects = row.subjects, r.status = row.status, r.sourceUrl = row.source, r.confidence = row.confidence,
    r.note = row.note
RETURN count(r) AS written
