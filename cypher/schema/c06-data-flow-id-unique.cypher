// Every DataFlow is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT data_flow_id_unique IF NOT EXISTS FOR (n:DataFlow) REQUIRE n.id IS UNIQUE
