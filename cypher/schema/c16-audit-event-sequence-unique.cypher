// Each place in the audit chain is taken once: a fork would break this constraint, and
// verification and pruning walk the chain in sequence order through its index.
CREATE CONSTRAINT audit_event_sequence_unique IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.sequence IS UNIQUE
