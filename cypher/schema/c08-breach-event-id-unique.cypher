// Every BreachEvent is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT breach_event_id_unique IF NOT EXISTS FOR (n:BreachEvent) REQUIRE n.id IS UNIQUE
