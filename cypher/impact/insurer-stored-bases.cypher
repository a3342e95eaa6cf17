// For an insurer's count on a date of its choice: every stored summary of the breaches $breachIds
// (the reference-date one, asOf null, and the dated ones) with its date, its paths (JSON of the
// impact-paths row, every tenant: the caller keeps the insurer's own) and the insurer $tenant's
// slice counts (JSON; null when it has no slice: the breach reaches none of its contracts on that
// date). hasSlice tells a slice written without counts (unusable) from none (a zero). Summaries
// written without slices are left out.
UNWIND $breachIds AS id
CALL {
  WITH id
  MATCH (g:ImpactSummary {breachId: id})
  WHERE g.insurerSlices IS NOT NULL AND g.referenceDate IS NOT NULL
  OPTIONAL MATCH (s:InsurerImpactSummary {breachId: id, insurerId: $tenant})
  RETURN null AS asOf, g.referenceDate AS date, g.paths AS paths, s IS NOT NULL AS hasSlice, s.counts AS slice
  UNION
  WITH id
  MATCH (g:DatedImpactSummary {breachId: id})
  WHERE g.insurerSlices IS NOT NULL
  OPTIONAL MATCH (s:DatedInsurerImpactSummary {breachId: id, asOf: g.asOf, insurerId: $tenant})
  RETURN g.asOf AS asOf, g.asOf AS date, g.paths AS paths, s IS NOT NULL AS hasSlice, s.counts AS slice
}
RETURN id AS breachId, asOf, toString(date) AS date, paths, hasSlice, slice
