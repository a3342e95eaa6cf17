// Test and ops check: every relationship a dataset wrote, with endpoints and properties.
MATCH (a)-[r]->(b)
WHERE r.dataset IN $datasets
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
ORDER BY type, from, to
