// Stores a batch of insurer slices: one insurer's own contract-level totals on a breach's default
// reference date (JSON of a contract-aggregates row), so an insurer's totals are read, not counted.
// MERGE rather than CREATE: the (breachId, insurerId) index makes it cheap, and a slice can then
// never be doubled even if a batch repeated one. counts: the slice's additive counts (a delta patches them).
UNWIND $slices AS slice
MERGE (s:InsurerImpactSummary {breachId: slice.breachId, insurerId: slice.insurerId})
SET s.referenceDate = slice.referenceDate, s.aggregates = slice.aggregates, s.counts = slice.counts, s.computedAt = datetime()
RETURN count(s) AS saved
