// TEST ONLY: removes one audit record, as an attacker with Bolt access would, so the
// tamper-evidence test can check that auditIntegrity reports the gap. Never used by the API.
MATCH (e:AuditEvent {id: $id})
DETACH DELETE e
RETURN count(*) AS deleted
