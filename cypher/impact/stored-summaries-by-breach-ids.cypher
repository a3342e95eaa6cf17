// Maintained answers of several breaches on their default reference date, in one round trip:
// the impact paths (JSON of the impact-paths row, every tenant), the every-tenant totals (the
// caller shows them only to roles that see every tenant) and $tenant's own slice of them. $known maps a breach id to the summary
// version the caller already holds parsed: for those the JSON is not sent again.
// sliced is true when the summary was written together with its insurer slices: then no slice
// for $tenant means the breach reaches none of its contracts. When false (no summary, or one
// written before slices existed) the caller counts live.
UNWIND $ids AS id
OPTIONAL MATCH (g:ImpactSummary {breachId: id})
OPTIONAL MATCH (s:InsurerImpactSummary {breachId: id, insurerId: $tenant})
WITH id, g, s, g.version IS NOT NULL AND g.version = $known[id] AS held
RETURN id AS breachId, g.version AS version,
       CASE WHEN held THEN null ELSE g.paths END AS paths,
       CASE WHEN held THEN null ELSE g.aggregates END AS aggregates,
       g IS NOT NULL AND g.insurerSlices IS NOT NULL AS sliced, s.aggregates AS slice
