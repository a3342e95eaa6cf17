// Contracts of an insurer's population (the synthetic portfolio), keyed for keyset pagination.
UNWIND $rows AS row
MATCH (insurer:Organization {id: row.insurer})
MATCH (pop:Population {id: row.population})
MERGE (c:Contract {id: row.id})
SET c:Seeded, c.dataset = $dataset, c.number = row.number, c.insurerId = row.insurer, c.product = row.product,
    c.operatorId = row.operator, c.networkId = row.network, c.startDate = date(row.startDate),
    c.endDate = date(row.endDate), c.synthetic = coalesce(row.synthetic, false)
CREATE (c)-[:HELD_WITH {dataset: $dataset}]->(insurer)
CREATE (c)-[:IN_POPULATION {dataset: $dataset}]->(pop)
// The insurer records that it has a portfolio, of which origin and from which dataset (read by
// impact/portfolio-coverage): no timestamp, so that loading the seeds twice gives the same graph.
WITH c, row, insurer, CASE WHEN coalesce(row.synthetic, false) THEN 'SYNTHETIC' ELSE 'SEEDED' END AS origin
SET insurer.portfolioSources = CASE WHEN origin IN coalesce(insurer.portfolioSources, []) THEN insurer.portfolioSources
                                    ELSE coalesce(insurer.portfolioSources, []) + origin END,
    insurer.portfolioDatasets = CASE WHEN $dataset IN coalesce(insurer.portfolioDatasets, []) THEN insurer.portfolioDatasets
                                     ELSE coalesce(insurer.portfolioDatasets, []) + $dataset END
WITH c, row
UNWIND row.beneficiaries AS person
MERGE (b:Beneficiary {id: person.key})
SET b:Seeded, b.dataset = $dataset, b.key = person.key, b.synthetic = coalesce(row.synthetic, false)
CREATE (c)-[:COVERS {dataset: $dataset, role: person.role}]->(b)
RETURN count(DISTINCT c) AS written
