// Ownership links touching several organisations, in both directions.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
MATCH (parent:Organization)-[r:OWNS]->(child:Organization)
WHERE parent = o OR child = o
RETURN id AS orgId, r {.share, .validFrom, .validTo, .sourceUrl, .confidence, .note, parentId: parent.id, childId: child.id} AS ownership
ORDER BY orgId, parent.id, child.id
