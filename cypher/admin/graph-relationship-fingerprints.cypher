// Test and ops check on a small graph: every relationship, whatever wrote it, with its type, the
// ids and labels of its ends, its properties and their types (see graph-node-fingerprints).
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS from, labels(b) AS toLabels, b.id AS to, properties(r) AS props,
       [k IN keys(r) | k + ': ' + valueType(r[k])] AS types
