// Deletes the chain's records up to a sequence and moves the anchor there, in one transaction:
// the anchor keeps the hash of the last deleted record, so the first kept record still verifies.
MATCH (h:AuditChain {id: 'audit'})
SET h.anchorSequence = $upTo, h.anchorHash = $hash
WITH h
MATCH (e:AuditEvent)
WHERE e.sequence <= $upTo
DETACH DELETE e
RETURN count(e) AS deleted
