// Every stored impact summary with what a refresh or a delta needs to patch it: its paths (JSON
// of the impact-paths row the counts were made on), its derived aggregates, its additive counts
// (JSON, see src/domain/impact/summary-counts.ts; null when written before counts were stored)
// and how many insurer slices were written with it.
MATCH (s:ImpactSummary)
RETURN s.breachId AS breachId, s.referenceDate AS referenceDate, s.paths AS paths, s.aggregates AS aggregates,
       s.counts AS counts, s.insurerSlices AS insurerSlices
ORDER BY breachId
