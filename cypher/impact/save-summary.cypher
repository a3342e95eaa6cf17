// Stores a breach's answer on its default reference date, recomputed whenever breaches, flows or
// portfolios change, so reads neither walk the paths nor count people: $paths is the JSON of its
// impact-paths row (every tenant), $aggregates that of its contract-level totals.
// insurerSlices (how many :InsurerImpactSummary were written with it) says that the insurer
// slices are complete for this summary: only then may a missing slice be read as "nothing
// affected". A summary written before slices existed lacks it, and insurers fall back to live.
// version changes on every write, so API processes may keep the parsed JSON while it holds.
// $counts: the additive counts the aggregates are derived from (src/domain/impact/summary-counts.ts),
// which a delta patches; aggregates keeps its meaning for readers.
MERGE (s:ImpactSummary {breachId: $breachId})
SET s.referenceDate = $referenceDate, s.paths = $paths, s.aggregates = $aggregates,
    s.insurerSlices = $insurerSlices, s.counts = $counts, s.computedAt = datetime(), s.version = randomUUID()
RETURN s.breachId AS breachId
