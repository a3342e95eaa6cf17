// Removes one breach's maintained summaries (and their insurer slices, dated ones included, and per-day changes), leaving the summaries not
// current until the next refresh: how the readiness test makes /health/ready fail on
// summaries; an operator may use it to force one breach's summary to be recomputed.
MATCH (s:ImpactSummary|InsurerImpactSummary|DatedImpactSummary|DatedInsurerImpactSummary|InsurerDayCounts {breachId: $breachId})
DETACH DELETE s
