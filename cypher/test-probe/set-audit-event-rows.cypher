// TEST ONLY: edits one audit record in place, as an attacker with Bolt access would, so the
// tamper-evidence test can check that auditIntegrity reports it. Never used by the API.
MATCH (e:AuditEvent {id: $id})
SET e.rows = $rows
RETURN e.id AS id
