// Removes one breach's maintained summaries (and their insurer slices, dated ones included), leaving the summaries not
// current until the next refresh: how the readiness test makes /health/ready fail on
// summaries; an operator may use it to force one breach's summary to be recomputed.
MATCH (s:ImpactSummary|InsurerImpactSummary|DatedImpactSummary|DatedInsurerImpactSummary {breachId: $breachId})
DETACH DELETE s
