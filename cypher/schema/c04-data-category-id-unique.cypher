// Every DataCategory is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT data_category_id_unique IF NOT EXISTS FOR (n:DataCategory) REQUIRE n.id IS UNIQUE
