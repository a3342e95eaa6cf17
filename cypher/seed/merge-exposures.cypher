// What each breach exposed, claimed or was stated not to expose, per kind of data subject, and
// for whom among them (scope: ALL, SOME_INSURERS...).
UNWIND $rows AS row
MATCH (b:Breach {id: row.breach})
MATCH (c:DataCategory {id: row.category})
CREATE (b)-[r:EXPOSURE {dataset: $dataset}]->(c)
SET r.subjects = row.subjects, r.status = row.status, r.sourceUrl = row.source, r.confidence = row.confidence,
    r.scope = row.scope, r.scopeNote = row.scopeNote, r.note = row.note
RETURN count(r) AS written
