// Drops dated summaries (every-tenant and per-insurer) whose breach and date are not in $keep
// (strings '<breachId>|<asOf>'): breaches gone, events removed or re-dated, a date that became the
// reference date. Their old numbers would otherwise be served as if current.
MATCH (s:DatedImpactSummary|DatedInsurerImpactSummary)
WHERE NOT s.breachId + '|' + s.asOf IN $keep
DELETE s
