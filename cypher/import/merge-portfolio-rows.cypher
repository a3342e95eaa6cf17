// One batch of validated portfolio rows (one row = one person on one contract). Everything is
// MERGEd on stable keys, so importing a file twice, or again after a crash, gives the same graph.
UNWIND $rows AS row
MERGE (c:Contract {id: row.contractId})
  ON CREATE SET c.insurerId = $insurerId, c.synthetic = false
SET c.number = row.number, c.product = row.product, c.operatorId = row.operator, c.networkId = row.network,
    c.startDate = date(row.startDate), c.endDate = date(row.endDate), c.importedAt = datetime()
MERGE (b:Beneficiary {id: row.pseudonym})
  ON CREATE SET b.key = row.pseudonym
MERGE (c)-[cov:COVERS]->(b)
SET cov.role = row.role
WITH c, row
CALL {
  WITH c
  MATCH (insurer:Organization {id: $insurerId}), (pop:Population {id: $populationId})
  MERGE (c)-[:HELD_WITH]->(insurer)
  MERGE (c)-[:IN_POPULATION]->(pop)
}
WITH count(*) AS written
// The insurer records that it has an imported portfolio and when it was last written (read by
// impact/portfolio-coverage, so that its counts say where they come from).
OPTIONAL MATCH (insurer:Organization {id: $insurerId})
SET insurer.portfolioSources = CASE WHEN 'IMPORTED' IN coalesce(insurer.portfolioSources, []) THEN insurer.portfolioSources
                                    ELSE coalesce(insurer.portfolioSources, []) + 'IMPORTED' END,
    insurer.portfolioImportedAt = datetime()
RETURN written
