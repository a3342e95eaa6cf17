// Appends one audit record at the chain's head, in the transaction that locked the head
// (audit/lock-chain-head): who read (or was refused) which person- or contract-level field, at
// which response path, with arguments already redacted, how many rows, and its place in the hash
// chain. Records are never updated; auditIntegrity recomputes every hash.
MATCH (h:AuditChain {id: 'audit'})
CREATE (e:AuditEvent {
  id: $id, at: datetime($at), subject: $subject, role: $role, orgId: $orgId, field: $field, path: $path,
  operationName: $operationName, arguments: $arguments, rows: $rows, outcome: $outcome, code: $code, reason: $reason,
  sequence: $sequence, prevHash: $prevHash, hash: $hash
})
SET h.sequence = $sequence, h.hash = $hash
RETURN e.id AS id
