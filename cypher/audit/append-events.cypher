// Appends a batch of audit records at the chain's head in one statement (a group commit: the
// records of every request that asked while the previous batch committed, src/domain/audit/
// audit-appender.ts): who read (or was refused) which person- or contract-level field, at which
// response path, with arguments already redacted, how many rows, and each one's place in the hash
// chain. Takes the chain's head first: creates it on first use (the unique constraint on
// :AuditChain(id) makes concurrent first appends meet on one node), then writes to it, which holds
// its write lock until the transaction commits, so appends from every process queue there one by
// one and the chain cannot fork ($holder, the first record's id, is left on it as who holds it).
// The caller chained $events (sequence, prevHash, hash) onto the head it expected,
// $expectedSequence and $expectedHash (0 and $genesis, the prevHash of a first record, for a chain
// not begun). Only if the head is that one are they created and the head moved to the last of them; otherwise (another process appended meanwhile) nothing is written,
// and the answer's head, now locked by this transaction, is the one to chain onto and send again.
// Records are never updated; auditIntegrity recomputes every hash.
CALL {
  MERGE (h:AuditChain {id: 'audit'})
    ON CREATE SET h.sequence = 0, h.hash = $genesis
  SET h.lockedBy = $holder
  RETURN h.sequence AS sequence, h.hash AS hash
}
WITH sequence, hash, sequence = $expectedSequence AND hash = $expectedHash AS expected
CALL {
  WITH expected
  WITH expected WHERE expected
  MATCH (h:AuditChain {id: 'audit'})
  SET h.sequence = $events[-1].sequence, h.hash = $events[-1].hash
  WITH h
  UNWIND $events AS ev
  CREATE (e:AuditEvent {
    id: ev.id, at: datetime(ev.at), subject: ev.subject, role: ev.role, orgId: ev.orgId, field: ev.field, path: ev.path,
    operationName: ev.operationName, arguments: ev.arguments, rows: ev.rows, outcome: ev.outcome, code: ev.code, reason: ev.reason,
    sequence: ev.sequence, prevHash: ev.prevHash, hash: ev.hash
  })
  RETURN count(e) AS written
}
RETURN sequence, hash, written
