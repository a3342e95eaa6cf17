// Every data flow the caller may read, by id, for the lineage export (lineageExport): an insurer
// ($tenant) gets only the flows it controls, other roles every flow. The rows themselves come
// through catalogue/data-flows-by-ids (the request's dataFlow loader), which filters the same way.
MATCH (f:DataFlow)
OPTIONAL MATCH (f)-[:CONTROLLER]->(ctrl:Organization)
WITH f, ctrl
WHERE // @include reach/tenant-path
RETURN f.id AS id
ORDER BY id
