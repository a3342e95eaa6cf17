// Takes the audit chain's head for one append: creates it on first use (the unique constraint on
// :AuditChain(id) makes concurrent first appends meet on one node), then writes to it, which
// holds its write lock until the transaction commits. Appends therefore queue here one by one and
// each reads the sequence and hash the previous append left: the chain cannot fork.
MERGE (h:AuditChain {id: 'audit'})
  ON CREATE SET h.sequence = 0, h.hash = $genesis
SET h.lockedBy = $id
RETURN h.sequence AS sequence, h.hash AS hash
