// Keyset pagination of one insurer's contracts: equality on insurerId, then ordered by id.
CREATE RANGE INDEX contract_insurer_id IF NOT EXISTS FOR (c:Contract) ON (c.insurerId, c.id)
