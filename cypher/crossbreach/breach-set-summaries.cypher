// The stored cross-breach counts for one reader: every insurer's ('*') and, for an insurer,
// its own slice ($tenant). Also says whether any summary exists at all (absent: never computed,
// so the caller must not read "nothing reached"), and whether the summaries lag behind the graph
// (shared/summaries-freshness).
// @include shared/summaries-freshness
OPTIONAL MATCH (all:BreachSetSummary {tenant: '*'})
OPTIONAL MATCH (own:BreachSetSummary {tenant: $tenant})
RETURN all IS NOT NULL AS computed, all.referenceDates AS referenceDates, all.version AS version,
       CASE WHEN $tenant IS NULL THEN all.rows ELSE own.rows END AS rows,
       summariesStale AS stale, summariesStaleSince AS staleSince
