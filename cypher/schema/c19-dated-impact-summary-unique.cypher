// One maintained impact summary per breach and documented date other than its reference date.
CREATE CONSTRAINT dated_impact_summary_unique IF NOT EXISTS FOR (s:DatedImpactSummary) REQUIRE (s.breachId, s.asOf) IS UNIQUE
