// Takes the audit chain's head for pruning (the same lock appends queue on, so pruning never
// interleaves with an append) and returns where the chain now starts.
MATCH (h:AuditChain {id: 'audit'})
SET h.prunedAt = datetime($now)
RETURN h.sequence AS sequence, coalesce(h.anchorSequence, 0) AS anchorSequence
