// Every Beneficiary is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT beneficiary_id_unique IF NOT EXISTS FOR (n:Beneficiary) REQUIRE n.id IS UNIQUE
