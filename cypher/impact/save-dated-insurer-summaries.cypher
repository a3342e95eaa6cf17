// Stores a batch of insurer slices of dated summaries (impact/save-dated-summary): one insurer's
// own totals on one documented date of a breach (JSON of a contract-aggregates row) and their
// additive counts. MERGE on the (breachId, asOf, insurerId) index: a slice is never doubled.
UNWIND $slices AS slice
MERGE (s:DatedInsurerImpactSummary {breachId: slice.breachId, asOf: slice.asOf, insurerId: slice.insurerId})
SET s.referenceDate = slice.asOf, s.aggregates = slice.aggregates, s.counts = slice.counts, s.computedAt = datetime()
RETURN count(s) AS saved
