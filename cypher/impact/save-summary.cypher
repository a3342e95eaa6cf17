// Stores a breach's contract-level totals on its default reference date, recomputed whenever
// breaches, flows or portfolios change, so dashboards read them instead of counting people.
MERGE (s:ImpactSummary {breachId: $breachId})
SET s.referenceDate = $referenceDate, s.aggregates = $aggregates, s.computedAt = datetime()
RETURN s.breachId AS breachId
