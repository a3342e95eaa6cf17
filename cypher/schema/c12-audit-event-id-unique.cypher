// Audit records are addressed by a random id; the constraint also rejects a replayed write.
CREATE CONSTRAINT audit_event_id_unique IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE
