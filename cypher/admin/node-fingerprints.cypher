// Test and ops check: every node with its labels and properties, in a stable order, to prove
// that loading the seeds twice gives the same graph.
MATCH (n)
WHERE n.dataset IN $datasets
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
