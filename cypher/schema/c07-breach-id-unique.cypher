// Every Breach is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT breach_id_unique IF NOT EXISTS FOR (n:Breach) REQUIRE n.id IS UNIQUE
