// Every Notification (seeded or recorded by an insurer) is addressed by a stable string id; the constraint also backs MERGE by id.
CREATE CONSTRAINT notification_id_unique IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE
