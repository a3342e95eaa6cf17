// Drops summaries (every-tenant and per-insurer, and insurers' per-day changes) of breaches not in $keep: those that no longer
// exist, and those that lost every dated event (no reference date, so nothing to store), whose
// old numbers would otherwise be served as if current.
MATCH (s:ImpactSummary|InsurerImpactSummary|InsurerDayCounts)
WHERE NOT s.breachId IN $keep
DELETE s
