// TEST ONLY: writes an audit record outside the hash chain (no sequence), as an attacker with
// Bolt access would, so the tamper-evidence test can check that auditIntegrity reports it.
// Never used by the API.
CREATE (e:AuditEvent {id: $id, at: datetime(), subject: 'intruder', role: 'ADMIN', outcome: 'READ'})
RETURN e.id AS id
