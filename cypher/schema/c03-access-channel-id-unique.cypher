// Every AccessChannel is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT access_channel_id_unique IF NOT EXISTS FOR (n:AccessChannel) REQUIRE n.id IS UNIQUE
