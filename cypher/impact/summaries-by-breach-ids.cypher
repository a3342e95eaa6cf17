// Maintained impact summaries of several breaches (JSON of the contract-aggregates row).
UNWIND $ids AS id
MATCH (s:ImpactSummary {breachId: id})
RETURN s.breachId AS breachId, s.referenceDate AS referenceDate, s.aggregates AS aggregates
