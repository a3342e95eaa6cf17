// Stores a batch of insurers' per-day change counts of a breach (src/domain/impact/day-counts.ts):
// changes (JSON: dim -> group id -> [[ISO day, people, contracts], ...], days in order) over the
// horizon [from, to], on the paths of the breach's reference-date summary cut to the insurer's own,
// whose count basis is basis (a reader uses them only for a date whose own paths have the same).
// MERGE on the (breachId, insurerId) index, as insurer slices are stored.
UNWIND $rows AS row
MERGE (s:InsurerDayCounts {breachId: row.breachId, insurerId: row.insurerId})
SET s.referenceDate = row.referenceDate, s.from = row.from, s.to = row.to, s.basis = row.basis, s.changes = row.changes
RETURN count(s) AS saved
