// Every Population is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT population_id_unique IF NOT EXISTS FOR (n:Population) REQUIRE n.id IS UNIQUE
