// Readiness: whether the seeds are loaded, i.e. the graph holds breaches and seeded datasets
// (the same test start-up uses to decide to seed: no breach means an empty database).
OPTIONAL MATCH (b:Breach)
WITH count(b) AS breaches
OPTIONAL MATCH (n:Seeded)
RETURN breaches, count(DISTINCT n.dataset) AS datasets
