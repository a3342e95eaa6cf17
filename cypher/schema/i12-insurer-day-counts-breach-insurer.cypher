// An insurer's per-day change counts of a breach (src/domain/impact/day-counts.ts) are read and patched by breach and insurer.
CREATE RANGE INDEX insurer_day_counts_breach_insurer IF NOT EXISTS FOR (s:InsurerDayCounts) ON (s.breachId, s.insurerId)
