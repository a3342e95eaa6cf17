// Maintained answers of breaches on documented dates other than their reference date, in one
// round trip: $keys lists {breachId, asOf}; each row as shared/stored-summary reads the
// reference-date one (paths and every-tenant totals unless $known, keyed '<breachId>|<asOf>',
// says the caller holds that version; $tenant's own slice; sliced says the slices are complete).
// A key with no stored summary answers version null (the caller counts live). stale and
// staleSince as shared/summaries-freshness says.
// @include shared/summaries-freshness
UNWIND $keys AS k
OPTIONAL MATCH (g:DatedImpactSummary {breachId: k.breachId, asOf: k.asOf})
OPTIONAL MATCH (s:DatedInsurerImpactSummary {breachId: k.breachId, asOf: k.asOf, insurerId: $tenant})
WITH k, g, s, summariesStale, summariesStaleSince, g.version IS NOT NULL AND g.version = $known[k.breachId + '|' + k.asOf] AS held
RETURN k.breachId AS breachId, k.asOf AS asOf, g.version AS version,
       CASE WHEN held THEN null ELSE g.paths END AS paths,
       CASE WHEN held THEN null ELSE g.aggregates END AS aggregates,
       g IS NOT NULL AND g.insurerSlices IS NOT NULL AS sliced, s.aggregates AS slice,
       summariesStale AS stale, summariesStaleSince AS staleSince
