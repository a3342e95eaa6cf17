// One notification an insurer records about itself (the resolver has checked that the actor is
// the token's organisation, the breach and the recipient exist, and the kind fits). Created,
// never merged: each call is one recorded fact, with who recorded it and when. Not :Seeded, so a
// seed reload never prunes it; its relationships carry the recording dataset.
MATCH (b:Breach {id: $breachId})
MATCH (a:Organization {id: $actorId})
OPTIONAL MATCH (r:Organization {id: $recipientId})
CREATE (n:Notification {id: $id, dataset: $dataset, kind: $kind, date: date($date), phase: $phase,
                        description: $description, sourceUrl: $sourceUrl, confidence: $confidence,
                        recordedBy: $recordedBy, recordedAt: datetime($recordedAt)})
CREATE (b)-[:HAS_NOTIFICATION {dataset: $dataset}]->(n)
CREATE (n)-[:ACTOR {dataset: $dataset}]->(a)
FOREACH (x IN CASE WHEN r IS NULL THEN [] ELSE [r] END |
  CREATE (n)-[:RECIPIENT {dataset: $dataset}]->(x))
RETURN n.id AS id
