// The audit chain's head (last sequence and hash) and its pruning anchor (the sequence and hash
// of the last pruned record), where verification starts. No row fields when nothing was recorded.
OPTIONAL MATCH (h:AuditChain {id: 'audit'})
RETURN h.sequence AS sequence, h.hash AS hash, h.anchorSequence AS anchorSequence, h.anchorHash AS anchorHash
