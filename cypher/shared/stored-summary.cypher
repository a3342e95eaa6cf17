// A breach's maintained answer on its default reference date, as one caller may read it (one
// owner: impact/stored-summaries-by-breach-ids reads it for several breaches;
// contract/affected-contracts-page alongside a page). The impact paths (JSON of the impact-paths
// row, every tenant), the every-tenant totals (shown only to roles that see every tenant) and
// $tenant's own slice of them. $known maps a breach id to the summary version the caller already
// holds parsed: for those the JSON is not sent again.
// sliced is true when the summary was written together with its insurer slices: then no slice
// for $tenant means the breach reaches none of its contracts. When false (no summary, or one
// written before slices existed) the caller counts live.
// stale and staleSince say whether the summaries lag behind the graph (shared/summaries-freshness):
// then the answer must say its counts are not current.
// In scope: id (a breach id) and the parameters $tenant and $known. Adds version, paths,
// aggregates, sliced, slice, stale and staleSince; always one row.
// A clause: include it on a line of its own.
CALL {
  WITH id
  OPTIONAL MATCH (g:ImpactSummary {breachId: id})
  OPTIONAL MATCH (s:InsurerImpactSummary {breachId: id, insurerId: $tenant})
  WITH g, s, g.version IS NOT NULL AND g.version = $known[id] AS held
  // @include shared/summaries-freshness
  RETURN g.version AS version,
         CASE WHEN held THEN null ELSE g.paths END AS paths,
         CASE WHEN held THEN null ELSE g.aggregates END AS aggregates,
         g IS NOT NULL AND g.insurerSlices IS NOT NULL AS sliced, s.aggregates AS slice,
         summariesStale AS stale, summariesStaleSince AS staleSince
}
