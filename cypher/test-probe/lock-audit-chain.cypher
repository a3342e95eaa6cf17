// TEST ONLY: takes the audit chain's head lock the way audit/append-events does (creating the
// head on first use), so that a test holding this transaction open keeps every append waiting.
MERGE (h:AuditChain {id: 'audit'})
  ON CREATE SET h.sequence = 0, h.hash = $genesis
SET h.lockedBy = $holder
RETURN h.sequence AS sequence
