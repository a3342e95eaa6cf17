// The audit chain's head (last sequence and hash), its pruning anchor (the sequence and hash of
// the last pruned record), where verification starts, and how many audit records exist (from
// Neo4j's count store, so constant time): more records than the chain holds between its anchor
// and its head means some sit outside it, which only then is worth a scan
// (audit/unchained-events). No head fields when nothing was recorded.
OPTIONAL MATCH (h:AuditChain {id: 'audit'})
CALL {
  MATCH (e:AuditEvent)
  RETURN count(e) AS events
}
RETURN h.sequence AS sequence, h.hash AS hash, h.anchorSequence AS anchorSequence, h.anchorHash AS anchorHash, events
