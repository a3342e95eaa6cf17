// Every System is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT system_id_unique IF NOT EXISTS FOR (n:System) REQUIRE n.id IS UNIQUE
