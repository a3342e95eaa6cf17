// An insurer reads its own slice of a breach's maintained totals on a documented date by (breachId, asOf, insurerId).
CREATE RANGE INDEX dated_insurer_impact_summary IF NOT EXISTS FOR (s:DatedInsurerImpactSummary) ON (s.breachId, s.asOf, s.insurerId)
