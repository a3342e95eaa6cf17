// Systems several breaches compromised, with the access channel the attackers used.
UNWIND $ids AS id
MATCH (b:Breach {id: id})-[r:COMPROMISED]->(s:System)
RETURN b.id AS breachId, r {.channelId, .sourceUrl, .confidence, systemId: s.id} AS hit
ORDER BY breachId, s.id
