// Logical restore with --force: deletes one batch of nodes with their relationships; run until
// it answers 0, so no transaction holds the whole graph.
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
