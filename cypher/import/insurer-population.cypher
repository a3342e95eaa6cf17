// Where an insurer's imported contracts go: the insurer (must hold the INSURER role) and its
// insured population. No row means the id names no insurer.
MATCH (o:Organization {id: $insurerId})
OPTIONAL MATCH (p:Population {kind: 'INSURED'})-[:OF]->(o)
RETURN o.id AS insurerId, o.roles AS roles, collect(p.id) AS populationIds
