// Appends one audit record: who read (or was refused) which person- or contract-level field,
// with arguments already redacted, and how many rows it got. Records are never updated.
CREATE (e:AuditEvent {
  id: $id, at: datetime($at), subject: $subject, role: $role, orgId: $orgId, field: $field,
  operationName: $operationName, arguments: $arguments, rows: $rows, outcome: $outcome, reason: $reason
})
RETURN e.id AS id
