// One audit chain head: concurrent first appends MERGE onto the same node.
CREATE CONSTRAINT audit_chain_id_unique IF NOT EXISTS FOR (n:AuditChain) REQUIRE n.id IS UNIQUE
