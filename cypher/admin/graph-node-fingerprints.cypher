// Test and ops check on a small graph: every node, whatever wrote it, with its labels, its
// properties and each property's type (a date and its ISO string read the same through the
// driver), to prove that two loads (the bulk first load and the transactional import of the same
// files) built the same graph. Reads the whole graph, so not for large stores.
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props, [k IN keys(n) | k + ': ' + valueType(n[k])] AS types
