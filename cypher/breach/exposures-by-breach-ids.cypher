// What several breaches exposed or did not expose, per category and kind of data subject.
UNWIND $ids AS id
MATCH (b:Breach {id: id})-[r:EXPOSURE]->(c:DataCategory)
RETURN b.id AS breachId, r {.subjects, .status, .scope, .scopeNote, .sourceUrl, .confidence, .note, categoryId: c.id} AS exposure
ORDER BY breachId, r.subjects, r.status, c.id
