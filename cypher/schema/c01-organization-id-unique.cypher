// Every Organization is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT organization_id_unique IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE
