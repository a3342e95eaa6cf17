// One maintained impact summary per breach.
CREATE CONSTRAINT impact_summary_breach_unique IF NOT EXISTS FOR (s:ImpactSummary) REQUIRE s.breachId IS UNIQUE
