// Stores a breach's answer on one of its documented dates other than its reference date
// ($asOf), kept like its reference-date summary (impact/save-summary): $paths is the JSON of its
// impact-paths row on that date, $aggregates its every-tenant totals, $counts the additive counts
// they derive from (a delta patches them), $insurerSlices how many :DatedInsurerImpactSummary were
// written with it. version changes on every write, so API processes may keep the parsed JSON.
MERGE (s:DatedImpactSummary {breachId: $breachId, asOf: $asOf})
SET s.referenceDate = $asOf, s.paths = $paths, s.aggregates = $aggregates,
    s.insurerSlices = $insurerSlices, s.counts = $counts, s.computedAt = datetime(), s.version = randomUUID()
RETURN s.breachId AS breachId
