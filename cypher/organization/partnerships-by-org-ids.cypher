// Partnerships touching several organisations, in both directions, oldest first.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
MATCH (a:Organization)-[r:PARTNERS_WITH]->(b:Organization)
WHERE a = o OR b = o
RETURN id AS orgId, r {.id, .kind, .validFrom, .validTo, .sourceUrl, .confidence, .note, organizationId: a.id, partnerId: b.id} AS partnership
ORDER BY orgId, r.validFrom IS NOT NULL, r.validFrom, r.id
