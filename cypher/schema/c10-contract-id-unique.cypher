// Every Contract is addressed by a stable string id; the constraint also backs the lookups by id.
CREATE CONSTRAINT contract_id_unique IF NOT EXISTS FOR (n:Contract) REQUIRE n.id IS UNIQUE
