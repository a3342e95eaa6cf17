// An insurer reads its own slice of a breach's maintained totals by (breachId, insurerId).
CREATE RANGE INDEX insurer_impact_summary_breach_insurer IF NOT EXISTS FOR (s:InsurerImpactSummary) ON (s.breachId, s.insurerId)
