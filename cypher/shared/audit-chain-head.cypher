// The audit chain's head, taken for one append (one owner: audit/lock-chain-head runs it alone; a
// statement that reads and records in one transaction, contract/affected-contracts-page, includes
// it after its reads). Creates the head on first use (the unique constraint on :AuditChain(id)
// makes concurrent first appends meet on one node), then writes to it, which holds its write lock
// until the transaction commits: appends queue here one by one and each reads the sequence and
// hash the previous append left, so the chain cannot fork. The append itself is audit/record-event.
// In scope: the parameters $auditId (the record's id, left on the head as who holds it) and
// $genesis (the prevHash of a first record). Adds sequence and hash (the head's).
// A clause: include it on a line of its own, last, so the lock is held for as short as possible.
CALL {
  MERGE (h:AuditChain {id: 'audit'})
    ON CREATE SET h.sequence = 0, h.hash = $genesis
  SET h.lockedBy = $auditId
  RETURN h.sequence AS sequence, h.hash AS hash
}
