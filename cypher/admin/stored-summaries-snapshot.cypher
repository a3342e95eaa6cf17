// Everything the summary upkeep stores, raw: every :ImpactSummary, :InsurerImpactSummary, their
// dated twins (:DatedImpactSummary, :DatedInsurerImpactSummary), insurers' per-day changes (:InsurerDayCounts) and :BreachSetSummary with the properties readers use and the additive counts. Tests compare the
// state deltas leave with the state a full refresh writes (test/summary-delta.test.ts).
CALL {
  MATCH (s:ImpactSummary)
  RETURN collect({breachId: s.breachId, referenceDate: s.referenceDate, paths: s.paths, aggregates: s.aggregates,
                  counts: s.counts, insurerSlices: s.insurerSlices}) AS summaries
}
CALL {
  MATCH (s:InsurerImpactSummary)
  RETURN collect({breachId: s.breachId, insurerId: s.insurerId, referenceDate: s.referenceDate, aggregates: s.aggregates,
                  counts: s.counts}) AS slices
}
CALL {
  MATCH (s:DatedImpactSummary)
  RETURN collect({breachId: s.breachId, asOf: s.asOf, paths: s.paths, aggregates: s.aggregates,
                  counts: s.counts, insurerSlices: s.insurerSlices}) AS datedSummaries
}
CALL {
  MATCH (s:DatedInsurerImpactSummary)
  RETURN collect({breachId: s.breachId, asOf: s.asOf, insurerId: s.insurerId, aggregates: s.aggregates,
                  counts: s.counts}) AS datedSlices
}
CALL {
  MATCH (s:InsurerDayCounts)
  RETURN collect({breachId: s.breachId, insurerId: s.insurerId, referenceDate: s.referenceDate, from: s.from, to: s.to,
                  basis: s.basis, changes: s.changes}) AS dayCounts
}
CALL {
  MATCH (x:BreachSetSummary)
  RETURN collect({tenant: x.tenant, rows: x.rows, referenceDates: x.referenceDates}) AS breachSets
}
RETURN summaries, slices, datedSummaries, datedSlices, dayCounts, breachSets
