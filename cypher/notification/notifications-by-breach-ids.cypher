// The notification cascade of several breaches at once: who (actor) told whom (recipient; none
// for the people concerned and the public), of which kind, when, in date order (unknown dates
// last). $tenant (an insurer) keeps the notifications it gave or received; null keeps all
// (REGULATOR).
UNWIND $ids AS id
MATCH (b:Breach {id: id})-[:HAS_NOTIFICATION]->(n:Notification)-[:ACTOR]->(a:Organization)
OPTIONAL MATCH (n)-[:RECIPIENT]->(r:Organization)
WITH b, n, a, r
WHERE $tenant IS NULL OR a.id = $tenant OR r.id = $tenant
RETURN b.id AS breachId,
       n {.id, .kind, .date, .phase, .description, .sourceUrl, .confidence, .recordedAt,
          breachId: b.id, actorId: a.id, recipientId: r.id} AS notification
ORDER BY breachId, n.date IS NULL, n.date, n.id
